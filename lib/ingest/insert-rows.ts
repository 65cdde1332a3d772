// Multi-row INSERT through the transaction's own connection: createMany
// spends far longer building rows than this one statement takes
// (docs/benchmarks.md, ingest multi-row INSERT). On SQLite the rows travel as
// one JSON array bound as a single parameter and unpacked by json_each():
// thousands of bound parameters cost more in the driver adapter than SQLite
// takes to parse the JSON. Values are bound, never spliced into the SQL; each column is encoded in the form
// Prisma itself stores: timestamps via sqlTimestamp() (SQLite keeps
// "+00:00" text, and any other form breaks Prisma's date filters), Json as
// JSON text (jsonb on PostgreSQL).
import { sqlTimestamp } from "@/lib/db/sql-timestamp";
import type { DatabaseProvider } from "@/lib/db/database-url";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";

export type ColumnType = "text" | "integer" | "json" | "timestamp";

/** Every column of the table and how to bind it; column names come from code, never from input. */
export type ColumnSpec = Readonly<Record<string, ColumnType>>;

// SQLite's default SQLITE_MAX_VARIABLE_NUMBER is 32766, PostgreSQL's protocol limit 65535.
const maxParametersPerStatement = 30_000;

const postgresCasts: Record<ColumnType, string> = {
  text: "",
  integer: "::integer",
  json: "::jsonb",
  timestamp: "::timestamp(3)",
};

export async function insertRows(
  tx: IngestTransaction,
  provider: DatabaseProvider,
  table: string,
  columns: ColumnSpec,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<number> {
  const names = Object.keys(columns);
  if (provider === "sqlite") {
    const encoded = rows.map((row) => names.map((name) => encode(columns[name]!, row[name], provider)));
    const values = names.map((_, index) => `value ->> ${index}`).join(", ");
    const sql = `INSERT INTO ${quote(table)} (${names.map(quote).join(", ")}) SELECT ${values} FROM json_each(?)`;
    return tx.$executeRawUnsafe(sql, JSON.stringify(encoded));
  }
  const rowsPerStatement = Math.max(1, Math.floor(maxParametersPerStatement / names.length));
  const head = `INSERT INTO ${quote(table)} (${names.map(quote).join(", ")}) VALUES `;
  let inserted = 0;

  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = names.map((name) => {
        const type = columns[name]!;
        parameters.push(encode(type, row[name], provider));
        return provider === "postgresql" ? `$${parameters.length}${postgresCasts[type]}` : "?";
      });
      return `(${placeholders.join(", ")})`;
    });
    inserted += await tx.$executeRawUnsafe(head + tuples.join(", "), ...parameters);
  }
  return inserted;
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
