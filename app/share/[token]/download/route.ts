// GET /share/:token/download?format=json|csv|zip — a shared report's file, without sign-in (curl-friendly)
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { parseSearchParams } from "@/lib/compliance/requests/schemas";
import { downloadSharedReport } from "@/lib/share-links/download-shared-report";
import { sharedDownloadQuerySchema } from "@/lib/share-links/schemas";
import { withShareRoute } from "@/lib/share-links/with-share-route";

export const GET = withShareRoute(async ({ request, access }) => {
  const query = parseSearchParams(request.url, sharedDownloadQuerySchema);
  const download = await downloadSharedReport(access, query);
  return new Response(download.body, { status: 200, headers: download.headers });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
