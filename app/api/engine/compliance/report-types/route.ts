// GET /api/engine/compliance/report-types — the report types this server generates and what each one's request asks for
import { withRoute } from "@/lib/api/with-route";
import { listReportTypes } from "@/lib/compliance/requests/list-report-types";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute({ permission: "reports:read" }, async () => {
  return Response.json({ reportTypes: listReportTypes() });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
