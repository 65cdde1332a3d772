// The one place where bulk seeding differs by database. Prisma row inserts are
// ~60× slower than the drivers (STACK-NOTES.md), so the seed writes through the
// raw driver: better-sqlite3 prepared statements in one transaction on SQLite,
// COPY FROM STDIN on PostgreSQL. Values arrive in the database's representation
// of Prisma's types: DateTime as formatTimestamp() text, Json as JSON text,
// Boolean as JS boolean (mapped here).
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { getDatabaseProvider, getDatabaseUrl, getSqliteFilePath, type DatabaseProvider } from "@/lib/db/database-url";

export type SqlValue = string | number | boolean | null;

export type BulkWriter = {
  provider: DatabaseProvider;
  /**
   * A DateTime exactly as Prisma stores it. SQLite: the adapter writes ISO-8601
   * with "+00:00" (not toISOString()'s "Z"); text compares, so anything else
   * breaks equality filters and ordering. PostgreSQL: timestamp(3) reads the ISO text as UTC.
   */
  formatTimestamp(ms: number): string;
  /**
   * Opens the transaction the whole seed runs in, holding the database's seed
   * lock (SQLite: the write lock; PostgreSQL: an advisory lock), so concurrent
   * seeders run one after the other and the second sees the first's rows.
   */
  beginExclusive(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Appends rows; every row holds one value per column, in column order. */
  insert(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void>;
  countRows(table: string): Promise<number>;
  /** Empties every application table (children first), keeping the migration history. */
  deleteAllData(): Promise<void>;
  close(): Promise<void>;
};

const MIGRATIONS_TABLE = "_prisma_migrations";
// Any fixed 64-bit number: it only has to be the same in every process.
const SEED_ADVISORY_LOCK = 7_340_211_902;
// A concurrent default seed takes seconds; waiting longer than that beats failing.
const SQLITE_BUSY_TIMEOUT_MS = 120_000;

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

export async function openBulkWriter(url: string = getDatabaseUrl()): Promise<BulkWriter> {
  return getDatabaseProvider(url) === "postgresql" ? openPostgresWriter(url) : openSqliteWriter(url);
}

function openSqliteWriter(url: string): BulkWriter {
  const file = getSqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SqliteDatabase(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  connection.pragma("journal_mode = WAL");
  connection.pragma("foreign_keys = ON");
  const statements = new Map<string, SqliteDatabase.Statement>();

  // better-sqlite3 binds no booleans; Prisma stores them as 1/0. Rows without
  // one (nearly all) are bound as they are.
  const toSqlite = (row: readonly SqlValue[]): readonly SqlValue[] =>
    row.some((v) => typeof v === "boolean") ? row.map((v) => (typeof v === "boolean" ? (v ? 1 : 0) : v)) : row;

  return {
    provider: "sqlite",
    formatTimestamp: (ms) => `${new Date(ms).toISOString().slice(0, -1)}+00:00`,
    async beginExclusive() {
      connection.exec("BEGIN IMMEDIATE");
    },
    async commit() {
      connection.exec("COMMIT");
    },
    async rollback() {
      if (connection.inTransaction) connection.exec("ROLLBACK");
    },
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (!statement) {
        const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
        statement = connection.prepare(sql);
        statements.set(key, statement);
      }
      for (const row of rows) statement.run(toSqlite(row));
    },
    async countRows(table) {
      const row = connection.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)}`).get() as { n: number };
      return row.n;
    },
    async deleteAllData() {
      const tables = (
        connection
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?")
          .all(MIGRATIONS_TABLE) as { name: string }[]
      ).map((row) => row.name);
      const parentsOf = new Map(
        tables.map((table) => [
          table,
          (connection.prepare(`PRAGMA foreign_key_list(${quote(table)})`).all() as { table: string }[])
            .map((fk) => fk.table)
            .filter((parent) => parent !== table),
        ]),
      );
      for (const table of childrenFirst(tables, parentsOf)) connection.exec(`DELETE FROM ${quote(table)}`);
    },
    async close() {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      connection.close();
    },
  };
}

/** Orders tables so each comes after every table that references it (children first). */
function childrenFirst(tables: string[], parentsOf: Map<string, string[]>): string[] {
  const childrenOf = new Map<string, string[]>(tables.map((t) => [t, []]));
  for (const [child, parents] of parentsOf) for (const parent of parents) childrenOf.get(parent)?.push(child);
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (table: string) => {
    if (seen.has(table)) return; // also ends reference cycles
    seen.add(table);
    for (const child of childrenOf.get(table) ?? []) visit(child);
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table);
  return ordered;
}

/** COPY's text format: backslash escapes, \N for NULL, t/f for booleans. */
function toCopyField(value: SqlValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\n\r\t]/g, (ch) =>
    ch === "\\" ? "\\\\" : ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : "\\t",
  );
}

async function openPostgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let inTransaction = false;

  return {
    provider: "postgresql",
    formatTimestamp: (ms) => new Date(ms).toISOString(),
    async beginExclusive() {
      await client.query("BEGIN");
      inTransaction = true;
      await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_ADVISORY_LOCK]);
    },
    async commit() {
      await client.query("COMMIT");
      inTransaction = false;
    },
    async rollback() {
      if (inTransaction) await client.query("ROLLBACK");
      inTransaction = false;
    },
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const sql = `COPY ${quote(table)} (${columns.map(quote).join(", ")}) FROM STDIN`;
      let text = "";
      for (const row of rows) text += `${row.map(toCopyField).join("\t")}\n`;
      const copy = client.query(copyFrom(sql));
      await pipeline(
        async function* () {
          yield text;
        },
        copy as unknown as Writable,
      );
    },
    async countRows(table) {
      const result = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quote(table)}`);
      return Number(result.rows[0]?.n ?? 0);
    },
    async deleteAllData() {
      const result = await client.query<{ tablename: string }>(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> $1",
        [MIGRATIONS_TABLE],
      );
      if (result.rows.length === 0) return;
      // One TRUNCATE of every table needs no ordering and is instant at any volume.
      await client.query(`TRUNCATE ${result.rows.map((row) => quote(row.tablename)).join(", ")}`);
    },
    async close() {
      if (inTransaction) await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    },
  };
}
