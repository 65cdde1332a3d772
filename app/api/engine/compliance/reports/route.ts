// GET /api/engine/compliance/reports — the caller's org's reports (type, status, q, period, sort, order, limit, cursor)
import { withRoute } from "@/lib/api/with-route";
import { listReports } from "@/lib/compliance/requests/list-reports";
import { listReportsQuerySchema, parseSearchParams } from "@/lib/compliance/requests/schemas";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute({ permission: "reports:read" }, async ({ request, identity }) => {
  const query = parseSearchParams(request.url, listReportsQuerySchema);
  return Response.json(await listReports({ identity }, query));
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
