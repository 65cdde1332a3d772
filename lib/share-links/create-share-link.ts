// Creates a share link for one of the caller's completed reports. The token
// exists only in the answer (its URL): the row keeps its SHA-256. Audited.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";
import type { CreateShareLinkInput, CreatedShareLinkResponse } from "@/lib/share-links/schemas";
import { generateShareLinkToken } from "@/lib/share-links/share-link-token";
import { shareLinkPath, shareLinkSelect, toCreatedShareLinkResponse } from "@/lib/share-links/to-share-link-response";

const dayMs = 24 * 60 * 60 * 1000;

export async function createShareLink(
  ctx: ComplianceContext,
  reportId: string,
  input: CreateShareLinkInput,
  { publicOrigin }: { publicOrigin: string },
): Promise<CreatedShareLinkResponse> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: identity.orgId },
    select: { id: true, title: true, status: true },
  });
  if (!report) throw notFound("Report");
  if (report.status !== "completed") {
    throw new AppError("conflict", `Only a completed report can be shared; this one is ${report.status}`, {
      status: report.status,
    });
  }
  const { token, tokenHash } = generateShareLinkToken();
  const now = new Date();
  const actor = describeActor(identity);
  // Writes come first inside the transaction (SQLite: a read before the first
  // write can fail when another writer commits in between).
  const row = await db.$transaction(async (tx) => {
    const created = await tx.shareLink.create({
      data: {
        orgId: identity.orgId,
        reportId: report.id,
        tokenHash,
        label: input.label,
        expiresAt: new Date(now.getTime() + input.expiresInDays * dayMs),
        maxDownloads: input.maxDownloads,
        createdByType: actor.actorType,
        createdById: actor.actorId,
        createdByLabel: actor.actorLabel,
        createdAt: now,
      },
      select: shareLinkSelect,
    });
    // Deleted since the first read: its links would be revoked by now, so this one must not exist either.
    const stillThere = await tx.report.count({ where: { id: report.id, orgId: identity.orgId } });
    if (stillThere === 0) throw notFound("Report");
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...actor,
        ip: ctx.ip ?? null,
        action: "share_link.created",
        category: "compliance",
        targetType: "report",
        targetId: report.id,
        metadata: {
          shareLinkId: created.id,
          label: created.label,
          expiresAt: created.expiresAt.toISOString(),
          maxDownloads: created.maxDownloads,
          title: report.title,
        },
      },
      tx,
    );
    return created;
  }, chainTransactionOptions);
  return toCreatedShareLinkResponse(row, `${publicOrigin}${shareLinkPath(token)}`);
}
