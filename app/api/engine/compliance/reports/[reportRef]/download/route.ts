// GET /api/engine/compliance/reports/:id/download?format=json|csv[&bom=1] — the stored bytes as rendered at generation
import { withRoute } from "@/lib/api/with-route";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { downloadQuerySchema, parseSearchParams } from "@/lib/compliance/requests/schemas";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute<{ reportRef: string }>(
  { permission: "reports:read" },
  async ({ request, identity, params, clientIp }) => {
    const query = parseSearchParams(request.url, downloadQuerySchema);
    const download = await getReportDownload({ identity, ip: clientIp }, params.reportRef, query, {
      ifNoneMatch: request.headers.get("if-none-match"),
    });
    return new Response(download.body, { status: download.body ? 200 : 304, headers: download.headers });
  },
);

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
