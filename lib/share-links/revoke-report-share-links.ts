// Inside a report's deletion: its links stop opening it at once (410), in the
// same transaction, and each revocation is audited with the deletion.
import { recordAuditEvent, type AuditEventInput } from "@/lib/audit/record-audit-event";
import type { Prisma } from "@/lib/generated/sqlite/client";

export async function revokeReportShareLinks(
  tx: Prisma.TransactionClient,
  report: { id: string; orgId: string },
  actor: Pick<AuditEventInput, "actorType" | "actorId" | "actorLabel" | "ip">,
): Promise<number> {
  const live = await tx.shareLink.findMany({
    where: { orgId: report.orgId, reportId: report.id, revokedAt: null },
    select: { id: true, label: true, downloadCount: true },
    orderBy: { createdAt: "asc" },
  });
  if (live.length === 0) return 0;
  await tx.shareLink.updateMany({
    where: { id: { in: live.map((link) => link.id) }, orgId: report.orgId },
    data: { revokedAt: new Date(), revokedReason: "report_deleted" },
  });
  for (const link of live) {
    await recordAuditEvent(
      {
        orgId: report.orgId,
        ...actor,
        action: "share_link.revoked",
        category: "compliance",
        targetType: "report",
        targetId: report.id,
        metadata: {
          shareLinkId: link.id,
          label: link.label,
          reason: "report_deleted",
          downloadCount: link.downloadCount,
        },
      },
      tx,
    );
  }
  return live.length;
}
