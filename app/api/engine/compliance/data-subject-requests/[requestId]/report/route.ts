// POST /api/engine/compliance/data-subject-requests/:requestId/report — queue the request's dsar report (202 + Location)
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { generateDataSubjectReport } from "@/lib/privacy/generate-data-subject-report";

type Params = { requestId: string };

export const POST = withRoute<Params>({ permission: "reports:write" }, async ({ identity, params, clientIp }) => {
  const report = await generateDataSubjectReport({ identity, ip: clientIp }, params.requestId);
  return Response.json(report, {
    status: 202,
    headers: { location: `/api/engine/compliance/reports/${encodeURIComponent(report.id)}` },
  });
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
