// An audit event's UTC day as a grouping column ("day"), for trend tables: it
// is counted in the same grouping-sets scan as the population's other counts
// where the database has them. Grouped on the dialect's day key (a date on
// PostgreSQL, the ISO text's first ten characters on SQLite), formatted once
// per day rather than once per event.
import type { Database } from "@/lib/db";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { DerivedGroupColumns, GroupCount } from "./count-population-groups";

export type DayCount = { day: string; count: number };

export function auditEventDayColumn(db: Database): DerivedGroupColumns {
  const { dialect } = reportEngineProfileOf(db);
  return { day: { key: dialect.utcDayKey(Prisma.raw(`"occurredAt"`)), text: dialect.utcDayText } };
}

/** The "day" groups as trend rows (every event has a day). */
export function toDayCounts(groups: ReadonlyArray<GroupCount<"day">>): DayCount[] {
  return groups.map((group) => ({ day: group.day ?? "", count: group.count }));
}
