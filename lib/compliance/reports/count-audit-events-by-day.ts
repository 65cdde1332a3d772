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
  const day = reportEngineProfileOf(db).dialect.utcDay(Prisma.raw(`"occurredAt"`));
  const rows = await db.$queryRaw<Array<{ day: string; count: bigint | number }>>`
    SELECT ${day} AS "day", COUNT(*) AS "count"
      FROM "AuditEvent"
     WHERE ${events.where}
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}
