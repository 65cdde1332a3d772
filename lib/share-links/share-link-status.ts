// Whether a share link still opens its report, and if not, why. Revoked wins
// over expired, expired over used up: the answer names what an admin did first.
export const shareLinkStatuses = ["active", "revoked", "expired", "exhausted"] as const;
export type ShareLinkStatus = (typeof shareLinkStatuses)[number];

export type ShareLinkState = {
  revokedAt: Date | null;
  expiresAt: Date;
  maxDownloads: number | null;
  downloadCount: number;
};

export function shareLinkStatusOf(link: ShareLinkState, now: Date = new Date()): ShareLinkStatus {
  if (link.revokedAt !== null) return "revoked";
  if (link.expiresAt.getTime() <= now.getTime()) return "expired";
  if (link.maxDownloads !== null && link.downloadCount >= link.maxDownloads) return "exhausted";
  return "active";
}
