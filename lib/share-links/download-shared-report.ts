// GET /share/:token/download?format=json|csv|zip — the shared report's stored
// file (or its evidence package) through the same download code as everyone
// else's (lib/compliance/requests/get-report-download.ts), read as the link: it
// is counted against the link's cap and audited with the link's id, the IP and
// user agent, and the format.
import { getReportDownload, type ReportDownload } from "@/lib/compliance/requests/get-report-download";
import { AppError } from "@/lib/errors/app-error";
import { goneReasonNow, resolveShareLink } from "@/lib/share-links/resolve-share-link";
import type { SharedDownloadQuery } from "@/lib/share-links/schemas";
import type { ShareAccess } from "@/lib/share-links/share-access";
import { shareLinkGone } from "@/lib/share-links/share-link-gone";

export async function downloadSharedReport(access: ShareAccess, query: SharedDownloadQuery): Promise<ReportDownload> {
  const { link, reader } = await resolveShareLink(access, { format: query.format });
  try {
    return await getReportDownload({ identity: reader, ip: access.ip, db: access.db }, link.reportId, {
      format: query.format,
      bom: false,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The report went in between: its links are revoked with it.
    if (error.code === "not_found") throw shareLinkGone("report_deleted");
    // Lost a race with a revocation, the expiry or the last allowed download: say which.
    if (error.code === "gone") throw shareLinkGone(await goneReasonNow(access, link.id));
    throw error;
  }
}
