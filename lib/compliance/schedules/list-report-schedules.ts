// The caller's org's report schedules, newest first.
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import type { ScheduleResponse } from "@/lib/compliance/schedules/schedule-schemas";
import { scheduleSelect, toScheduleResponse } from "@/lib/compliance/schedules/to-schedule-response";

/** An org has a handful of schedules; the bound only keeps one answer's size finite. */
const maxSchedules = 500;

export async function listReportSchedules(ctx: ComplianceContext): Promise<{ schedules: ScheduleResponse[] }> {
  const rows = await databaseOf(ctx).reportSchedule.findMany({
    where: { orgId: ctx.identity.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: maxSchedules,
    select: scheduleSelect,
  });
  const now = new Date();
  return { schedules: rows.map((row) => toScheduleResponse(row, now)) };
}
