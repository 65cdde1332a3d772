// /api/engine/compliance/schedules/:id
//   GET    — one schedule (read)
//   PATCH  — pause or resume it, or change the agents of future runs (admins, keys with reports:write)
//   DELETE — delete it and its record; its reports stay (admins, keys with reports:write)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { deleteReportSchedule } from "@/lib/compliance/schedules/delete-report-schedule";
import { getReportSchedule } from "@/lib/compliance/schedules/get-report-schedule";
import { updateScheduleBodySchema } from "@/lib/compliance/schedules/schedule-schemas";
import { updateReportSchedule } from "@/lib/compliance/schedules/update-report-schedule";

type Params = { scheduleId: string };

export const GET = withRoute<Params>({ permission: "reports:read" }, async ({ identity, params }) => {
  return Response.json(await getReportSchedule({ identity }, params.scheduleId));
});

export const PATCH = withRoute<Params>(
  { permission: "reports:write" },
  async ({ request, identity, params, clientIp }) => {
    const body = await readJsonBody(request, updateScheduleBodySchema);
    return Response.json(await updateReportSchedule({ identity, ip: clientIp }, params.scheduleId, body));
  },
);

export const DELETE = withRoute<Params>({ permission: "reports:write" }, async ({ identity, params, clientIp }) => {
  await deleteReportSchedule({ identity, ip: clientIp }, params.scheduleId);
  return new Response(null, { status: 204 });
});

export const { POST, PUT } = rejectOtherMethods(["GET", "PATCH", "DELETE"]);
