// Audit events per UTC day, for trend tables, over a population's own
// condition. Day bucketing is the dialect's (SQLite stores ISO text; PostgreSQL
// timestamp(3) holds UTC).
import type { Database } from "@/lib/db";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource } from "./population-source";

export type DayCount = { day: string; count: number };

export async function countAuditEventsByDay(
  db: Database,
  events: Pick<PopulationSource<unknown>, "where">,
): Promise<DayCount[]> {
  const { dialect } = reportEngineProfileOf(db);
  // Grouped on the day's key, formatted per day rather than per event.
  const rows = await db.$queryRaw<Array<{ day: string; count: bigint | number }>>`
    SELECT ${dialect.utcDayText(Prisma.raw(`"day"`))} AS "day", "count"
      FROM (SELECT ${dialect.utcDayKey(Prisma.raw(`"occurredAt"`))} AS "day", COUNT(*) AS "count"
              FROM "AuditEvent"
             WHERE ${events.where}
             GROUP BY 1) AS "days"
     ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}
