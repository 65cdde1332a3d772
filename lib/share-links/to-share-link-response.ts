// The public shape of a share link: never the token, never its hash.
import type { CreatedShareLinkResponse, ShareLinkResponse } from "@/lib/share-links/schemas";
import { shareLinkStatusOf } from "@/lib/share-links/share-link-status";

export const shareLinkSelect = {
  id: true,
  reportId: true,
  label: true,
  expiresAt: true,
  maxDownloads: true,
  downloadCount: true,
  viewCount: true,
  lastAccessedAt: true,
  createdAt: true,
  createdByType: true,
  createdByLabel: true,
  revokedAt: true,
  revokedReason: true,
} as const;

export type ShareLinkRow = {
  id: string;
  reportId: string;
  label: string | null;
  expiresAt: Date;
  maxDownloads: number | null;
  downloadCount: number;
  viewCount: number;
  lastAccessedAt: Date | null;
  createdAt: Date;
  createdByType: string;
  createdByLabel: string;
  revokedAt: Date | null;
  revokedReason: string | null;
};

export function toShareLinkResponse(row: ShareLinkRow, now: Date = new Date()): ShareLinkResponse {
  return {
    id: row.id,
    reportId: row.reportId,
    label: row.label,
    status: shareLinkStatusOf(row, now),
    expiresAt: row.expiresAt.toISOString(),
    maxDownloads: row.maxDownloads,
    downloadCount: row.downloadCount,
    viewCount: row.viewCount,
    lastAccessedAt: row.lastAccessedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    createdBy: { type: row.createdByType === "api_key" ? "api_key" : "user", label: row.createdByLabel },
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason === "report_deleted" ? "report_deleted" : row.revokedAt ? "revoked" : null,
  };
}

export function toCreatedShareLinkResponse(row: ShareLinkRow, url: string): CreatedShareLinkResponse {
  return { ...toShareLinkResponse(row), url };
}

/** The path of a link's page; the token is URL-safe as it is. */
export function shareLinkPath(token: string): string {
  return `/share/${token}`;
}
