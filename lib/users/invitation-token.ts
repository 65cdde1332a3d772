// An invitation's set-password token: 256 random bits, base64url (it sits in a
// URL path). Only its SHA-256 is stored; the token exists in the answer to the
// admin who invited and in the link they pass on.
import { createHash, randomBytes } from "node:crypto";

/** How long a set-password link works. */
export const invitationValidityDays = 7;

export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function invitationPath(token: string): string {
  return `/invitations/${token}`;
}
