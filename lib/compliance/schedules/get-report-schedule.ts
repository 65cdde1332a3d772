// One report schedule of the caller's org.
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { findOrgSchedule } from "@/lib/compliance/schedules/find-org-schedule";
import type { ScheduleResponse } from "@/lib/compliance/schedules/schedule-schemas";
import { toScheduleResponse } from "@/lib/compliance/schedules/to-schedule-response";

export async function getReportSchedule(ctx: ComplianceContext, scheduleId: string): Promise<ScheduleResponse> {
  return toScheduleResponse(await findOrgSchedule(databaseOf(ctx), ctx.identity.orgId, scheduleId));
}
