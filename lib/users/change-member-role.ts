// Changes a member's role. Demoting the org's last active admin is refused
// (409), also when two demotions race: both take the org's membership lock,
// so the second counts after the first committed. Audited as
// `user.role_changed` with from/to; an unchanged role writes nothing.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/not-found";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { describeActor } from "@/lib/auth/identity";
import { assertAdminRemains } from "@/lib/users/assert-admin-remains";
import { lockOrgMemberships } from "@/lib/users/lock-org-memberships";
import type { ChangeMemberRoleInput, MemberResponse } from "@/lib/users/schemas";
import { toMemberResponse } from "@/lib/users/to-member-response";
import type { UsersContext } from "@/lib/users/users-context";

export async function changeMemberRole(
  ctx: UsersContext,
  userId: string,
  input: ChangeMemberRoleInput,
): Promise<MemberResponse> {
  return db.$transaction(async (tx) => {
    await lockOrgMemberships(tx, ctx.orgId);
    const select = {
      id: true,
      role: true,
      status: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true, lastSignInAt: true } },
    } as const;
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId } },
      select,
    });
    if (!membership) throw notFound("Member");
    const openInvitation = await tx.invitation.findFirst({
      where: { orgId: ctx.orgId, userId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { expiresAt: true },
      orderBy: { expiresAt: "desc" },
    });
    const openInvitationExpiresAt = openInvitation?.expiresAt ?? null;
    if (membership.role === input.role) return toMemberResponse({ ...membership, openInvitationExpiresAt });
    if (membership.role === "admin" && membership.status === "active") {
      await assertAdminRemains(tx, ctx.orgId, userId);
    }
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role }, select });
    await recordAuditEvent(
      {
        orgId: ctx.orgId,
        ...describeActor(ctx.actor),
        action: "user.role_changed",
        category: "user_admin",
        targetType: "user",
        targetId: userId,
        ip: ctx.ip ?? null,
        metadata: { email: membership.user.email, from: membership.role, to: input.role },
      },
      tx,
    );
    return toMemberResponse({ ...updated, openInvitationExpiresAt });
  }, chainTransactionOptions);
}
