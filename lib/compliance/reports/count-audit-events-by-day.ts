// Audit events per UTC day, for trend tables. Date bucketing differs by
// dialect (SQLite stores ISO text whose first ten characters are the UTC day;
// PostgreSQL's timestamp(3) holds UTC), so this is raw SQL over the same
// selection as the population it summarises.
import type { Database } from "@/lib/db";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import { auditEventSelectionSql, sqlTimeRange, type AuditEventSelection } from "./audit-event-selection";
import type { TimeRange } from "./population-source";

export type DayCount = { day: string; count: number };

export async function countAuditEventsByDay(
  db: Database,
  selection: AuditEventSelection,
  range: TimeRange,
): Promise<DayCount[]> {
  const { dialect } = reportEngineProfileOf(db);
  const day = dialect.utcDay(Prisma.raw(`"occurredAt"`));
  const rows = await db.$queryRaw<Array<{ day: string; count: bigint | number }>>`
    SELECT ${day} AS "day", COUNT(*) AS "count"
      FROM "AuditEvent"
     WHERE ${auditEventSelectionSql(selection)}
       AND ${sqlTimeRange("occurredAt", range, dialect)}
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}
