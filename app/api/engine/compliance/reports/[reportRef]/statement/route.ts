// GET /api/engine/compliance/reports/:id/statement — the report's signed statement (compact JWS; verify with GET /keys)
import { withRoute } from "@/lib/api/with-route";
import { getReportStatement } from "@/lib/compliance/requests/get-report-statement";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute<{ reportRef: string }>({ permission: "reports:read" }, async ({ identity, params }) => {
  const statement = await getReportStatement({ identity }, params.reportRef);
  return new Response(statement.jws, { headers: statement.headers });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
