// What the public set-password page shows for a link, before any password is
// sent: whether it can still be used and for which account and org.
import "server-only";
import { db } from "@/lib/db";
import { hashInvitationToken } from "@/lib/users/invitation-token";

export type InvitationState =
  { status: "open"; email: string; orgName: string; expiresAt: Date } | { status: "spent" } | { status: "unknown" };

export async function findInvitation(token: string): Promise<InvitationState> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { status: "unknown" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { email: true } },
      org: { select: { name: true } },
    },
  });
  if (!invitation) return { status: "unknown" };
  if (invitation.usedAt || invitation.revokedAt || invitation.expiresAt <= new Date()) return { status: "spent" };
  return {
    status: "open",
    email: invitation.user.email,
    orgName: invitation.org.name,
    expiresAt: invitation.expiresAt,
  };
}
