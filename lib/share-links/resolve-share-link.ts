// A share link from its token, if it still opens its report. An unknown token
// is 404; a revoked, expired or used-up link is 410 and the refused attempt is
// an audit event of the link's org (whoever holds a dead link is worth knowing).
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { ShareLinkReader } from "@/lib/auth/identity";
import { databaseOf } from "@/lib/compliance/requests/compliance-context";
import { notFound } from "@/lib/errors/not-found";
import type { ShareAccess } from "@/lib/share-links/share-access";
import { shareLinkGone, type ShareLinkGoneReason } from "@/lib/share-links/share-link-gone";
import { shareLinkStatusOf } from "@/lib/share-links/share-link-status";
import { hashShareLinkToken, isWellFormedShareLinkToken } from "@/lib/share-links/share-link-token";

export type ResolvedShareLink = {
  id: string;
  orgId: string;
  reportId: string;
  label: string | null;
  expiresAt: Date;
  maxDownloads: number | null;
  downloadCount: number;
};

const linkSelect = {
  id: true,
  orgId: true,
  reportId: true,
  label: true,
  expiresAt: true,
  maxDownloads: true,
  downloadCount: true,
  revokedAt: true,
  revokedReason: true,
} as const;

/** What the request was for, as its audit event records it. */
export type ShareRequestKind = { page: true } | { format: string };

export async function resolveShareLink(
  access: ShareAccess,
  requested: ShareRequestKind,
): Promise<{ link: ResolvedShareLink; reader: ShareLinkReader }> {
  const db = databaseOf(access);
  const row = isWellFormedShareLinkToken(access.token)
    ? await db.shareLink.findUnique({ where: { tokenHash: hashShareLinkToken(access.token) }, select: linkSelect })
    : null;
  if (!row) throw notFound("Share link");
  const status = shareLinkStatusOf(row);
  if (status !== "active") {
    const reason: ShareLinkGoneReason = row.revokedReason === "report_deleted" ? "report_deleted" : status;
    await recordRefusedShareAccess(access, row, reason, requested);
    throw shareLinkGone(reason);
  }
  return { link: row, reader: shareLinkReaderOf(row, access) };
}

/** The link as the reader of its report: what download audit events name as the actor. */
export function shareLinkReaderOf(
  link: { id: string; orgId: string; reportId: string; label: string | null },
  access: ShareAccess,
): ShareLinkReader {
  return {
    kind: "share_link",
    shareLinkId: link.id,
    orgId: link.orgId,
    reportId: link.reportId,
    label: link.label ? `Share link "${link.label}"` : `Share link ${link.id}`,
    userAgent: access.userAgent,
  };
}

/** Why a link that was live a moment ago refused a download (a race with a revocation, its expiry or its cap). */
export async function goneReasonNow(
  access: ShareAccess,
  shareLinkId: string,
): Promise<ShareLinkGoneReason | undefined> {
  const row = await databaseOf(access).shareLink.findUnique({ where: { id: shareLinkId }, select: linkSelect });
  if (!row) return undefined;
  const status = shareLinkStatusOf(row);
  if (status === "active") return undefined;
  return row.revokedReason === "report_deleted" ? "report_deleted" : status;
}

async function recordRefusedShareAccess(
  access: ShareAccess,
  link: { id: string; orgId: string; reportId: string; label: string | null },
  reason: ShareLinkGoneReason,
  requested: ShareRequestKind,
): Promise<void> {
  const reader = shareLinkReaderOf(link, access);
  await recordAuditEvent(
    {
      orgId: link.orgId,
      actorType: "share_link",
      actorId: link.id,
      actorLabel: reader.label,
      ip: access.ip,
      action: "share_link.access_refused",
      category: "compliance",
      outcome: "denied",
      targetType: "report",
      targetId: link.reportId,
      metadata: { shareLinkId: link.id, reason, ...requested, userAgent: access.userAgent },
    },
    databaseOf(access),
  );
}
