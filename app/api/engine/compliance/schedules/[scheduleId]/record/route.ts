// GET /api/engine/compliance/schedules/:id/record — the schedule's continuous record: every period since it began and its report, or the gap
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { getScheduleRecord } from "@/lib/compliance/schedules/get-schedule-record";

type Params = { scheduleId: string };

export const GET = withRoute<Params>({ permission: "reports:read" }, async ({ identity, params }) => {
  return Response.json(await getScheduleRecord({ identity }, params.scheduleId));
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
