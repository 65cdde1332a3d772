// The one place where bulk seeding differs by database. Prisma row inserts are
// far slower than the drivers (docs/benchmarks.md, seeding through the
// drivers), so the seed writes through the raw driver: better-sqlite3 prepared
// statements in one transaction on SQLite, COPY FROM STDIN on PostgreSQL. Values arrive in the database's representation
// of Prisma's types: DateTime as formatTimestamp() text, Json as JSON text,
// Boolean as JS boolean (mapped here).
import fs from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { formatDatabaseTimestamp } from "@/lib/demo/format-database-timestamp";
import { getDatabaseProvider, getDatabaseUrl, getSqliteFilePath, type DatabaseProvider } from "@/lib/db/database-url";

export type SqlValue = string | number | boolean | null;

/** What the row generators need: somewhere to put rows, and the database's DateTime text. */
export type RowSink = Pick<BulkWriter, "insert" | "formatTimestamp">;

export type BulkWriter = {
  provider: DatabaseProvider;
  /** A DateTime as Prisma stores it in this database (formatDatabaseTimestamp). */
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
  /** Appends rows already passed through encodeRows for this provider (e.g. by a worker thread). */
  insertEncoded(table: string, columns: readonly string[], encoded: EncodedRows): Promise<void>;
  countRows(table: string): Promise<number>;
  /** Empties every application table (children first), keeping the migration history. */
  deleteAllData(): Promise<void>;
  /**
   * Before loading many rows into these tables, drops their secondary indexes
   * (and on PostgreSQL their foreign keys: per-row FK triggers cost more than
   * the COPY itself); endBulkLoad() re-creates them from their catalog
   * definitions, validating every row, inside the same transaction. Building an
   * index once over sorted data is cheaper than maintaining it row by row
   * (docs/benchmarks.md, seed index rebuild).
   */
  beginBulkLoad(tables: readonly string[]): Promise<void>;
  endBulkLoad(): Promise<void>;
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
  let droppedIndexes: string[] = [];

  const writer: BulkWriter = {
    provider: "sqlite",
    formatTimestamp: (ms) => formatDatabaseTimestamp(ms, "sqlite"),
    async beginExclusive() {
      connection.exec("BEGIN IMMEDIATE");
    },
    async commit() {
      connection.exec("COMMIT");
      // Fresh planner statistics: without them, report queries on rare
      // categories walk the whole date index (seconds instead of a millisecond).
      connection.pragma("analysis_limit = 400");
      connection.pragma("optimize = 0x10002");
    },
    async rollback() {
      if (connection.inTransaction) connection.exec("ROLLBACK");
    },
    insert(table, columns, rows) {
      return writer.insertEncoded(table, columns, encodeRows("sqlite", rows));
    },
    async insertEncoded(table, columns, encoded) {
      if (typeof encoded === "string") throw new Error("SQLite takes rows, not COPY text");
      const rows = encoded;
      const key = `${table}(${columns.join(",")})`;
      let statement = statements.get(key);
      if (!statement) {
        const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
        statement = connection.prepare(sql);
        statements.set(key, statement);
      }
      for (const row of rows) statement.run(row);
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
    async beginBulkLoad(tables) {
      // sql IS NULL marks the automatic indexes of PRIMARY KEY/UNIQUE constraints: they stay.
      const indexes = connection
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => "?").join(", ")})`,
        )
        .all(...tables) as { name: string; sql: string }[];
      for (const index of indexes) {
        connection.exec(`DROP INDEX ${quote(index.name)}`);
        droppedIndexes.push(index.sql);
      }
    },
    async endBulkLoad() {
      for (const sql of droppedIndexes) connection.exec(sql);
      droppedIndexes = [];
    },
    async close() {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      connection.close();
    },
  };
  return writer;
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

/**
 * Rows in the form the provider's bulk path consumes: bindable rows for
 * better-sqlite3 (booleans as 1/0, as Prisma stores them), or COPY text for
 * PostgreSQL. Pure, so a worker thread can do it and hand over one string.
 */
export type EncodedRows = readonly (readonly SqlValue[])[] | string;

export function encodeRows(provider: DatabaseProvider, rows: readonly (readonly SqlValue[])[]): EncodedRows {
  if (provider === "postgresql") {
    let text = "";
    for (const row of rows) {
      let line = toCopyField(row[0] ?? null);
      for (let i = 1; i < row.length; i++) line += `\t${toCopyField(row[i] ?? null)}`;
      text += `${line}\n`;
    }
    return text;
  }
  // Only columns holding booleans (none in the bulk tables) are converted.
  const booleanColumns = (rows[0] ?? []).flatMap((value, index) => (typeof value === "boolean" ? [index] : []));
  if (booleanColumns.length === 0) return rows;
  return rows.map((row) => row.map((value) => (typeof value === "boolean" ? (value ? 1 : 0) : value)));
}

/** COPY's text format: backslash escapes, \N for NULL, t/f for booleans. */
function toCopyField(value: SqlValue): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  // Most fields have nothing to escape: one test, and a replace only when needed.
  if (!copySpecial.test(value)) return value;
  return value.replace(copySpecialGlobal, (ch) => copyEscapes[ch] ?? ch);
}

const copySpecial = /[\\\n\r\t]/;
const copySpecialGlobal = /[\\\n\r\t]/g;
const copyEscapes: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

async function openPostgresWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let inTransaction = false;
  // The COPY in flight: the next batch is generated while the server ingests
  // this one, so client and server work in parallel.
  let copying: Promise<void> = Promise.resolve();
  let dropped: { restore: string }[] = [];

  const writer: BulkWriter = {
    provider: "postgresql",
    formatTimestamp: (ms) => formatDatabaseTimestamp(ms, "postgresql"),
    async beginExclusive() {
      await client.query("BEGIN");
      inTransaction = true;
      await client.query("SELECT pg_advisory_xact_lock($1)", [SEED_ADVISORY_LOCK]);
      // Index rebuilds at endBulkLoad sort in memory instead of spilling to disk.
      await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    },
    async commit() {
      await copying;
      await client.query("COMMIT");
      inTransaction = false;
      // Fresh planner statistics right away instead of whenever autovacuum runs.
      await client.query("ANALYZE");
    },
    async rollback() {
      await copying.catch(() => undefined);
      if (inTransaction) await client.query("ROLLBACK");
      inTransaction = false;
    },
    insert(table, columns, rows) {
      return writer.insertEncoded(table, columns, encodeRows("postgresql", rows));
    },
    async insertEncoded(table, columns, encoded) {
      if (typeof encoded !== "string") throw new Error("PostgreSQL takes COPY text");
      if (encoded.length === 0) return;
      const text = encoded;
      const sql = `COPY ${quote(table)} (${columns.map(quote).join(", ")}) FROM STDIN`;
      await copying;
      const copy = client.query(copyFrom(sql));
      copying = pipeline(
        async function* () {
          yield text;
        },
        copy as unknown as Writable,
      );
      // Surfaces at the next insert or commit; keeps Node from reporting it unhandled meanwhile.
      copying.catch(() => undefined);
    },
    async countRows(table) {
      await copying;
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
    async beginBulkLoad(tables) {
      await copying;
      const indexes = await client.query<{ name: string; definition: string }>(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
          WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = to_regnamespace(current_schema()))`,
        [tables],
      );
      const foreignKeys = await client.query<{ tableName: string; name: string; definition: string }>(
        `SELECT c.conrelid::regclass::text AS "tableName", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c
          WHERE c.contype = 'f' AND c.connamespace = to_regnamespace(current_schema())
            AND c.conrelid::regclass::text = ANY($1::text[])`,
        [tables.map(quote)],
      );
      for (const fk of foreignKeys.rows) {
        await client.query(`ALTER TABLE ${fk.tableName} DROP CONSTRAINT ${quote(fk.name)}`);
        dropped.push({ restore: `ALTER TABLE ${fk.tableName} ADD CONSTRAINT ${quote(fk.name)} ${fk.definition}` });
      }
      for (const index of indexes.rows) {
        await client.query(`DROP INDEX ${quote(index.name)}`);
        dropped.push({ restore: index.definition });
      }
    },
    async endBulkLoad() {
      await copying;
      // Indexes first: the FK validation then joins through them.
      for (const { restore } of [...dropped].reverse()) await client.query(restore);
      dropped = [];
    },
    async close() {
      await copying.catch(() => undefined);
      if (inTransaction) await client.query("ROLLBACK").catch(() => undefined);
      await client.end();
    },
  };
  return writer;
}
