// Counts one download of a share link, if the link may still serve one: not
// revoked, not expired, under its cap. One conditional UPDATE, so concurrent
// downloads of a link capped at N get exactly N through (the database
// serializes writers of the row and re-checks the condition for each).
import type { Prisma } from "@/lib/generated/sqlite/client";

export async function claimShareLinkDownload(
  tx: Prisma.TransactionClient,
  link: { shareLinkId: string; orgId: string },
  now: Date = new Date(),
): Promise<boolean> {
  const { count } = await tx.shareLink.updateMany({
    where: {
      id: link.shareLinkId,
      orgId: link.orgId,
      revokedAt: null,
      expiresAt: { gt: now },
      OR: [{ maxDownloads: null }, { downloadCount: { lt: tx.shareLink.fields.maxDownloads } }],
    },
    data: { downloadCount: { increment: 1 }, lastAccessedAt: now },
  });
  return count === 1;
}
