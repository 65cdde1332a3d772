// POST /api/engine/compliance/reports/:id/cancel — stop a pending report (admins, or keys with reports:write); 409 once it has finished
import { withRoute } from "@/lib/api/with-route";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { cancelReport } from "@/lib/compliance/requests/cancel-report";

type Params = { reportRef: string };

export const POST = withRoute<Params>({ permission: "reports:write" }, async ({ identity, params, clientIp }) => {
  return Response.json(await cancelReport({ identity, ip: clientIp }, params.reportRef));
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
