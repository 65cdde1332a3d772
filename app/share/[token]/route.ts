// GET /share/:token — a shared report's read-only page, without sign-in (JSON
// of the same facts for `Accept: application/json`); 404 unknown, 410 revoked,
// expired or used up
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { openSharedReport } from "@/lib/share-links/open-shared-report";
import { htmlHeaders } from "@/lib/share-links/page/share-page-document";
import { renderSharedReportPage } from "@/lib/share-links/page/render-shared-report-page";
import { withShareRoute } from "@/lib/share-links/with-share-route";

export const GET = withShareRoute(async ({ access, wantsHtml }) => {
  const view = await openSharedReport(access);
  if (!wantsHtml) return Response.json(view, { headers: { "cache-control": "private, no-store" } });
  return new Response(renderSharedReportPage(view), { headers: htmlHeaders });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
