// Multi-row inserts inside the caller's transaction: createMany spends far
// longer building rows than the statements take (docs/benchmarks.md, ingest
// multi-row INSERT). On SQLite each row is one run of a prepared INSERT on the
// transaction's own better-sqlite3 connection: through Prisma's adapter every
// call is prepared again and thousands of bound parameters are costly, and
// one JSON array unpacked by json_each() made SQLite parse each row's JSON once
// per column (docs/benchmarks.md, ingest prepared INSERT). On PostgreSQL one
// INSERT … SELECT FROM unnest() of an array per column, sent on the
// transaction's own node-postgres connection: through Prisma every bound value
// was serialised to JSON and parsed back first (docs/benchmarks.md, ingest
// unnest INSERT). Values are bound, never spliced into the SQL; each column is
// encoded in the form Prisma itself stores: timestamps via sqlTimestamp()
// (SQLite keeps "+00:00" text, and any other form breaks Prisma's date
// filters), Json as JSON text (jsonb on PostgreSQL).
import type SqliteDatabase from "better-sqlite3";
import { preparedStatementOn } from "@/lib/db/prepared-statement-on";
import { sqlTimestamp } from "@/lib/db/sql-timestamp";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { postgresConnectionOf } from "@/lib/db/postgres-connection-of";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";

export type ColumnType = "text" | "integer" | "json" | "timestamp";

/** Every column of the table and how to bind it; column names come from code, never from input. */
export type ColumnSpec = Readonly<Record<string, ColumnType>>;

const postgresArrayTypes: Record<ColumnType, string> = {
  text: "text[]",
  integer: "integer[]",
  json: "jsonb[]",
  timestamp: "timestamp(3)[]",
};

/**
 * Where the rows go: on SQLite the connection the caller's transaction runs on
 * (resolve-insert-target.ts), never another one, or the rows would not be part of it.
 */
export type InsertTarget = { provider: "postgresql" } | { provider: "sqlite"; connection: SqliteDatabase.Database };

export async function insertRows(
  tx: IngestTransaction,
  target: InsertTarget,
  table: string,
  columns: ColumnSpec,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<number> {
  const names = Object.keys(columns);
  if (target.provider === "sqlite") {
    const sql = `INSERT INTO ${quote(table)} (${names.map(quote).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`;
    const statement = preparedStatementOn(target.connection, sql);
    let inserted = 0;
    for (const row of rows) {
      inserted += statement.run(names.map((name) => encode(columns[name]!, row[name], "sqlite"))).changes;
    }
    return inserted;
  }
  // One array per column, unnested into rows: one statement of a few bound
  // parameters, parsed and planned once, whatever the batch size.
  const arrays = names.map((name) => rows.map((row) => encode(columns[name]!, row[name], "postgresql")));
  const unnested = names.map((name, index) => `$${index + 1}::${postgresArrayTypes[columns[name]!]}`).join(", ");
  const connection = await postgresConnectionOf(tx);
  const result = await connection.query(
    `INSERT INTO ${quote(table)} (${names.map(quote).join(", ")}) SELECT * FROM unnest(${unnested})`,
    arrays,
  );
  return result.rowCount ?? 0;
}

function encode(type: ColumnType, value: unknown, provider: DatabaseProvider): string | number | null {
  if (value === undefined || value === null) return null;
  switch (type) {
    case "text":
      return String(value);
    case "integer":
      return Number(value);
    case "json":
      return JSON.stringify(value);
    case "timestamp":
      return sqlTimestamp(value instanceof Date ? value : new Date(String(value)), provider);
  }
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
