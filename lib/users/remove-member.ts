// Removes a member from the org (the account stays: it may belong to other
// orgs) and revokes their open set-password links here. Removing the org's
// last active admin is refused (409), race-safe like a demotion. Audited as
// `user.removed`.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/not-found";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { describeActor } from "@/lib/auth/identity";
import { assertAdminRemains } from "@/lib/users/assert-admin-remains";
import { lockOrgMemberships } from "@/lib/users/lock-org-memberships";
import type { UsersContext } from "@/lib/users/users-context";

export async function removeMember(ctx: UsersContext, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockOrgMemberships(tx, ctx.orgId);
    const membership = await tx.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId } },
      select: { id: true, role: true, status: true, user: { select: { email: true } } },
    });
    if (!membership) throw notFound("Member");
    if (membership.role === "admin" && membership.status === "active") {
      await assertAdminRemains(tx, ctx.orgId, userId);
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.invitation.updateMany({
      where: { orgId: ctx.orgId, userId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(
      {
        orgId: ctx.orgId,
        ...describeActor(ctx.actor),
        action: "user.removed",
        category: "user_admin",
        targetType: "user",
        targetId: userId,
        ip: ctx.ip ?? null,
        metadata: { email: membership.user.email, role: membership.role, status: membership.status },
      },
      tx,
    );
  }, chainTransactionOptions);
}
