// Revokes one of the caller's org's share links: from then on it answers 410.
// Another org's link id is answered as not found. Revoking twice is harmless
// and audited once.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { notFound } from "@/lib/errors/not-found";

export async function revokeShareLink(ctx: ComplianceContext, shareLinkId: string): Promise<void> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({
      where: { id: shareLinkId, orgId: identity.orgId, revokedAt: null },
      data: { revokedAt: now, revokedReason: "revoked" },
    });
    const link = await tx.shareLink.findFirst({
      where: { id: shareLinkId, orgId: identity.orgId },
      select: { id: true, reportId: true, label: true, downloadCount: true },
    });
    if (!link) throw notFound("Share link");
    if (count === 0) return;
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        ip: ctx.ip ?? null,
        action: "share_link.revoked",
        category: "compliance",
        targetType: "report",
        targetId: link.reportId,
        metadata: { shareLinkId: link.id, label: link.label, reason: "revoked", downloadCount: link.downloadCount },
      },
      tx,
    );
  }, chainTransactionOptions);
}
