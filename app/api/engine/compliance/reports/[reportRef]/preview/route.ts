// GET /api/engine/compliance/reports/:id/preview — what the viewer shows: summaries, manifest, first rows, row counts
import { withRoute } from "@/lib/api/with-route";
import { getReportPreview } from "@/lib/compliance/requests/get-report-preview";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute<{ reportRef: string }>(
  { permission: "reports:read" },
  async ({ identity, params, clientIp }) => {
    const preview = await getReportPreview({ identity, ip: clientIp }, params.reportRef);
    return new Response(preview.content, { headers: preview.headers });
  },
);

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
