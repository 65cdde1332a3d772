// The answer to a share link that no longer opens its report: 410, with why.
// An unknown token is a plain 404 instead (lib/errors/not-found.ts).
import { AppError } from "@/lib/errors/app-error";
import type { ShareLinkStatus } from "@/lib/share-links/share-link-status";

export type ShareLinkGoneReason = Exclude<ShareLinkStatus, "active"> | "report_deleted";

const messages: Record<ShareLinkGoneReason, string> = {
  revoked: "This share link was revoked",
  report_deleted: "The shared report was deleted, so this link no longer opens it",
  expired: "This share link has expired",
  exhausted: "This share link has been used for as many downloads as it allows",
};

/** `reason` is left out when a download lost a race and only knows the link no longer serves. */
export function shareLinkGone(reason?: ShareLinkGoneReason): AppError {
  if (!reason) return new AppError("gone", "This share link no longer opens its report");
  return new AppError("gone", `${messages[reason]}. Ask whoever sent it for a new one.`, { reason });
}
