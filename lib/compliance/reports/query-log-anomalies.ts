// What makes a logged database query anomalous, in one place: the SQL the
// counts run, the words the section states and the label each row carries.
// A query that returned a bulk of rows (a possible export) or ran
// long (a possible scan) deserves a reviewer's look; denied and failed
// queries are counted on their own.
import { Prisma } from "@/lib/generated/sqlite/client";
import { anyOf, type SqlCondition } from "@/lib/db/sql-condition";

export const bulkReadRows = 1_000;
export const slowQueryMs = 10_000;

const bulkRead: SqlCondition = {
  sql: Prisma.sql`"rowsReturned" >= ${bulkReadRows}`,
  text: `rowsReturned >= ${bulkReadRows}`,
};
const slowQuery: SqlCondition = {
  sql: Prisma.sql`"durationMs" >= ${slowQueryMs}`,
  text: `durationMs >= ${slowQueryMs}`,
};

export const anomalousQuery: SqlCondition = anyOf(bulkRead, slowQuery);
export const bulkReadQuery = bulkRead;
export const slowQueryCondition = slowQuery;

/** A row's anomaly flags, e.g. "bulk_read; slow", or null. */
export function queryAnomalyOf(row: { rowsReturned: number; durationMs: number }): string | null {
  const flags = [
    ...(row.rowsReturned >= bulkReadRows ? ["bulk_read"] : []),
    ...(row.durationMs >= slowQueryMs ? ["slow"] : []),
  ];
  return flags.length > 0 ? flags.join("; ") : null;
}
