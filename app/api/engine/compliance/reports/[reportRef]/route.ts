// /api/engine/compliance/reports/:reportRef — one dynamic segment serves two
// meanings (Next allows one name per level): a report type for POST, a report id otherwise.
//   POST   /reports/:type — queue a report of a registered type (202 + Location; Idempotency-Key answers a retry with the first report)
//   GET    /reports/:id   — one report: status, progress, error, artifacts
//   DELETE /reports/:id   — delete a report and its stored files (admins, or keys with reports:write)
import { readJsonBody } from "@/lib/api/read-json-body";
import { withRoute } from "@/lib/api/with-route";
import { createReport } from "@/lib/compliance/requests/create-report";
import { parseRequestKey, requestKeyHeader } from "@/lib/compliance/requests/report-request-key";
import { deleteReport } from "@/lib/compliance/requests/delete-report";
import { getReport } from "@/lib/compliance/requests/get-report";
import { reportTypeDefinition } from "@/lib/compliance/reports/registry";
import { parseReportType } from "@/lib/compliance/requests/schemas";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

type Params = { reportRef: string };

export const POST = withRoute<Params>(
  { permission: "reports:write" },
  async ({ request, identity, params, clientIp }) => {
    const type = parseReportType(params.reportRef);
    const body = await readJsonBody(request, reportTypeDefinition(type).bodySchema);
    const requestKey = parseRequestKey(request.headers.get(requestKeyHeader));
    const { report, replayed } = await createReport({ identity, ip: clientIp }, type, body, { requestKey });
    return Response.json(report, {
      status: 202,
      headers: {
        location: `/api/engine/compliance/reports/${encodeURIComponent(report.id)}`,
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
      },
    });
  },
);

export const GET = withRoute<Params>({ permission: "reports:read" }, async ({ identity, params }) => {
  return Response.json(await getReport({ identity }, params.reportRef));
});

export const DELETE = withRoute<Params>({ permission: "reports:write" }, async ({ identity, params, clientIp }) => {
  await deleteReport({ identity, ip: clientIp }, params.reportRef);
  return new Response(null, { status: 204 });
});

export const { PUT, PATCH } = rejectOtherMethods(["GET", "POST", "DELETE"]);
