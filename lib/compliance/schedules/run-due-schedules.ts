// One tick of the scheduler: for every active schedule, queue the report of
// each period that has closed since the schedule became active and has no
// run yet. Safe to call from any number of processes at once (each period is
// queued once: queue-scheduled-period.ts). After downtime the missed periods
// are caught up, the most recent `maxCatchUpPeriods` of them per schedule;
// older ones stay gaps in the schedule's record.
import { signalReportQueued } from "@/lib/compliance/jobs/signal-report-queued";
import { queueScheduledPeriod, type QueuedPeriod } from "@/lib/compliance/schedules/queue-scheduled-period";
import { closedPeriodsSince, type ScheduleCadence } from "@/lib/compliance/schedules/schedule-periods";
import { scheduleSelect } from "@/lib/compliance/schedules/to-schedule-response";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/log/logger";

/** Twelve weeks, a year of months, three years of quarters. */
export const maxCatchUpPeriods = 12;

/** Schedules read per query; a tick walks them all. */
const schedulePage = 200;

export async function runDueSchedules(
  db: Database,
  { now = new Date(), orgId }: { now?: Date; /** Only this org's schedules (tests). */ orgId?: string } = {},
): Promise<QueuedPeriod[]> {
  const queued: QueuedPeriod[] = [];
  let cursor: string | undefined;
  for (;;) {
    const schedules = await db.reportSchedule.findMany({
      where: { status: "active", ...(orgId ? { orgId } : {}) },
      orderBy: { id: "asc" },
      take: schedulePage,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: scheduleSelect,
    });
    for (const schedule of schedules) {
      const due = duePeriods(schedule.cadence as ScheduleCadence, schedule.firstPeriodStart, schedule.activeSince, now);
      if (due.length === 0) continue;
      const done = await db.reportScheduleRun.findMany({
        where: { scheduleId: schedule.id, periodStart: { in: due.map((period) => period.from) } },
        select: { periodStart: true },
      });
      const doneStarts = new Set(done.map((run) => run.periodStart));
      for (const period of due.filter((candidate) => !doneStarts.has(candidate.from))) {
        try {
          const run = await queueScheduledPeriod(db, schedule, period, now);
          if (run) queued.push(run);
        } catch (error) {
          // One schedule's trouble (its org gone mid-tick) must not stop the others; the next tick retries.
          logger.error({ err: error, scheduleId: schedule.id, period: period.from }, "scheduled report not queued");
        }
      }
    }
    if (schedules.length < schedulePage) break;
    cursor = schedules.at(-1)?.id;
  }
  if (queued.length > 0) signalReportQueued();
  return queued;
}

/** Closed periods this schedule owes a report for: closed while it was active, the most recent ones. */
export function duePeriods(cadence: ScheduleCadence, firstPeriodStart: string, activeSince: Date, now: Date) {
  return closedPeriodsSince(cadence, firstPeriodStart, now, maxCatchUpPeriods).filter(
    (period) => period.closesAt >= activeSince,
  );
}
