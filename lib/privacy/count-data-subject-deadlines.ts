// The overview's data-subject request deadlines: open or extended requests
// past their due day, and those due from today to seven days on, counted by the database.
import { deadlineBounds, dueSoonDays } from "./deadline-state";
import { pendingStatuses } from "./list-data-subject-requests";
import { clockOf, privacyDatabaseOf } from "./privacy-context";
import type { Clock } from "./clock";
import type { Database } from "@/lib/db";

export type DataSubjectDeadlineCounts = { overdue: number; dueSoon: number; days: number };

export async function countDataSubjectDeadlines(ctx: {
  orgId: string;
  db?: Database;
  clock?: Clock;
}): Promise<DataSubjectDeadlineCounts> {
  const db = privacyDatabaseOf(ctx);
  const { overdueBefore, dueSoonUntil } = deadlineBounds(clockOf(ctx), dueSoonDays);
  const pending = { orgId: ctx.orgId, status: { in: pendingStatuses } };
  const [overdue, dueSoon] = await Promise.all([
    db.dataSubjectRequest.count({ where: { ...pending, dueAt: { lt: overdueBefore } } }),
    db.dataSubjectRequest.count({ where: { ...pending, dueAt: { gte: overdueBefore, lte: dueSoonUntil } } }),
  ]);
  return { overdue, dueSoon, days: dueSoonDays };
}
