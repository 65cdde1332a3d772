// A schedule's continuous record: every period since it began, oldest first,
// with what became of it — covered by a completed report, still pending,
// failed, purged to a tombstone, deleted, missing (never queued) — so the
// gaps in a monthly trail are visible. The current, open period comes last.
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import type { ReportStatus } from "@/lib/compliance/requests/schemas";
import { duePeriods } from "@/lib/compliance/schedules/run-due-schedules";
import { findOrgSchedule } from "@/lib/compliance/schedules/find-org-schedule";
import {
  closedPeriodsSince,
  periodContaining,
  type ScheduleCadence,
} from "@/lib/compliance/schedules/schedule-periods";
import type { SchedulePeriodState, ScheduleRecord } from "@/lib/compliance/schedules/schedule-schemas";
import { toScheduleResponse } from "@/lib/compliance/schedules/to-schedule-response";

const gapStates: readonly SchedulePeriodState[] = ["failed", "deleted", "missing"];

export async function getScheduleRecord(
  ctx: ComplianceContext,
  scheduleId: string,
  { now = new Date() }: { now?: Date } = {},
): Promise<ScheduleRecord> {
  const db = databaseOf(ctx);
  const { orgId } = ctx.identity;
  const schedule = await findOrgSchedule(db, orgId, scheduleId);
  const cadence = schedule.cadence as ScheduleCadence;
  const closed = closedPeriodsSince(cadence, schedule.firstPeriodStart, now);
  const runs = await db.reportScheduleRun.findMany({
    where: { scheduleId: schedule.id },
    select: { periodStart: true, reportId: true },
  });
  const reports = await db.report.findMany({
    where: { orgId, id: { in: runs.map((run) => run.reportId) } },
    select: { id: true, status: true, title: true },
  });
  const reportById = new Map(reports.map((report) => [report.id, report]));
  const reportIdByStart = new Map(runs.map((run) => [run.periodStart, run.reportId]));
  const dueStarts = new Set(
    schedule.status === "active"
      ? duePeriods(cadence, schedule.firstPeriodStart, schedule.activeSince, now).map((period) => period.from)
      : [],
  );

  const periods: ScheduleRecord["periods"] = closed.map((period) => {
    const reportId = reportIdByStart.get(period.from);
    const report = reportId ? reportById.get(reportId) : undefined;
    const state: SchedulePeriodState = reportId
      ? report
        ? stateOfReport(report.status)
        : "deleted"
      : dueStarts.has(period.from)
        ? "due"
        : "missing";
    return {
      from: period.from,
      to: period.to,
      closesAt: period.closesAt.toISOString(),
      state,
      report: report ? { id: report.id, status: report.status as ReportStatus, title: report.title } : null,
    };
  });
  const open = periodContaining(cadence, now);
  periods.push({ from: open.from, to: open.to, closesAt: open.closesAt.toISOString(), state: "open", report: null });

  return {
    schedule: toScheduleResponse(schedule, now),
    periods,
    gaps: periods.filter((period) => gapStates.includes(period.state)).length,
  };
}

function stateOfReport(status: string): SchedulePeriodState {
  switch (status) {
    case "completed":
      return "covered";
    case "purged":
      return "purged";
    case "pending":
      return "pending";
    default:
      return "failed";
  }
}
