// /api/engine/compliance/schedules
//   GET  — the org's report schedules (admins, auditors, keys with reports:read)
//   POST — create a schedule: a SOC2 or Audit report for every closed week, month or quarter (admins, keys with reports:write)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { createReportSchedule } from "@/lib/compliance/schedules/create-report-schedule";
import { listReportSchedules } from "@/lib/compliance/schedules/list-report-schedules";
import { createScheduleBodySchema } from "@/lib/compliance/schedules/schedule-schemas";

export const GET = withRoute({ permission: "reports:read" }, async ({ identity }) => {
  return Response.json(await listReportSchedules({ identity }));
});

export const POST = withRoute({ permission: "reports:write" }, async ({ request, identity, clientIp }) => {
  const body = await readJsonBody(request, createScheduleBodySchema);
  const schedule = await createReportSchedule({ identity, ip: clientIp }, body);
  return Response.json(schedule, {
    status: 201,
    headers: { location: `/api/engine/compliance/schedules/${encodeURIComponent(schedule.id)}` },
  });
});

export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);
