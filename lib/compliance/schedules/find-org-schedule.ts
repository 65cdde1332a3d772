// One schedule of the caller's org; another org's id is as missing as an unknown one.
import type { Database } from "@/lib/db";
import { notFound } from "@/lib/errors/not-found";
import { scheduleSelect, type ScheduleRow } from "@/lib/compliance/schedules/to-schedule-response";

export async function findOrgSchedule(db: Database, orgId: string, scheduleId: string): Promise<ScheduleRow> {
  const schedule = await db.reportSchedule.findFirst({ where: { id: scheduleId, orgId }, select: scheduleSelect });
  if (!schedule) throw notFound("Schedule");
  return schedule;
}
