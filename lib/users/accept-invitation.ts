// Sets an invited person's password through their one-time link: the link
// works once (a conditional update, so two submissions at once cannot both
// pass), not after it expired, was revoked or its member removed. The
// person's invited memberships become active: they proved they read the email
// address they were invited at. Audited as `user.invitation_accepted`.
import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { hashInvitationToken } from "@/lib/users/invitation-token";
import { lockOrgMemberships } from "@/lib/users/lock-org-memberships";
import type { AcceptInvitationInput } from "@/lib/users/schemas";

export async function acceptInvitation(
  input: AcceptInvitationInput,
  { ip }: { ip: string | null },
): Promise<{ email: string }> {
  const tokenHash = hashInvitationToken(input.token);
  const found = await db.invitation.findUnique({ where: { tokenHash }, select: { id: true, orgId: true } });
  if (!found) throw notFound("Invitation");
  // Hashed before the transaction: bcrypt is slow and the transaction holds the org's lock.
  const passwordHash = await bcrypt.hash(input.password, 12);
  return db.$transaction(async (tx) => {
    // The lock before any read: on SQLite it is also the write lock (see lockAuditChain).
    await lockOrgMemberships(tx, found.orgId);
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, orgId: true, userId: true, user: { select: { email: true } } },
    });
    const now = new Date();
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count === 0) throw new AppError("gone", "This link was already used, has expired or was withdrawn");
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: invitation.orgId, userId: invitation.userId } },
      select: { id: true },
    });
    if (!membership) throw new AppError("gone", "This link was already used, has expired or was withdrawn");
    await tx.user.update({ where: { id: invitation.userId }, data: { passwordHash } });
    await tx.membership.updateMany({
      where: { userId: invitation.userId, status: "invited" },
      data: { status: "active" },
    });
    // The person's other open links are spent too: they now have a password.
    await tx.invitation.updateMany({
      where: { userId: invitation.userId, usedAt: null, revokedAt: null },
      data: { usedAt: now },
    });
    await recordAuditEvent(
      {
        orgId: invitation.orgId,
        actorType: "user",
        actorId: invitation.userId,
        actorLabel: invitation.user.email,
        action: "user.invitation_accepted",
        category: "user_admin",
        targetType: "user",
        targetId: invitation.userId,
        ip,
        metadata: { invitationId: invitation.id },
      },
      tx,
    );
    return { email: invitation.user.email };
  }, chainTransactionOptions);
}
