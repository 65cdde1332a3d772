// A report's share links, newest first, with their counts and last access.
// Another org's report id answers 404, as everywhere.
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { notFound } from "@/lib/errors/not-found";
import type { ShareLinkListResponse } from "@/lib/share-links/schemas";
import { shareLinkSelect, toShareLinkResponse } from "@/lib/share-links/to-share-link-response";

export async function listShareLinks(ctx: ComplianceContext, reportId: string): Promise<ShareLinkListResponse> {
  const db = databaseOf(ctx);
  const { orgId } = ctx.identity;
  const report = await db.report.findFirst({ where: { id: reportId, orgId }, select: { id: true } });
  if (!report) throw notFound("Report");
  const rows = await db.shareLink.findMany({
    where: { orgId, reportId: report.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: shareLinkSelect,
  });
  const now = new Date();
  return { shareLinks: rows.map((row) => toShareLinkResponse(row, now)) };
}
