// Adds a person to the org: an existing account by its email becomes an active
// member at once; an email without an account gets a new account without a
// password, an invited membership and a one-time set-password link (shown only
// in this answer). Audited as `user.created`, in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { describeActor } from "@/lib/auth/identity";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { generateInvitationToken, invitationPath, invitationValidityDays } from "@/lib/users/invitation-token";
import { lockOrgMemberships } from "@/lib/users/lock-org-memberships";
import type { AddMemberInput, AddedMemberResponse } from "@/lib/users/schemas";
import { toMemberResponse } from "@/lib/users/to-member-response";
import type { UsersContext } from "@/lib/users/users-context";

const DAY_MS = 86_400_000;

export async function addMember(
  ctx: UsersContext,
  input: AddMemberInput,
  { publicOrigin }: { publicOrigin: string },
): Promise<AddedMemberResponse> {
  try {
    return await db.$transaction(async (tx) => {
      await lockOrgMemberships(tx, ctx.orgId);
      const now = new Date();
      const existing = await tx.user.findUnique({
        where: { email: input.email },
        select: { id: true, passwordHash: true, disabledAt: true, memberships: { where: { orgId: ctx.orgId } } },
      });
      if (existing && existing.memberships.length > 0) throw alreadyMember(input.email);
      if (existing?.disabledAt) {
        throw new AppError("conflict", "That account is disabled", { fields: { email: ["That account is disabled"] } });
      }
      const user =
        existing ??
        (await tx.user.create({
          data: { email: input.email, name: input.name ?? input.email.split("@")[0]!, passwordHash: "" },
          select: { id: true, passwordHash: true, disabledAt: true },
        }));
      // An account that never set a password (invited elsewhere, not yet accepted) is invited here too.
      const needsPassword = user.passwordHash === "";
      const membership = await tx.membership.create({
        data: { orgId: ctx.orgId, userId: user.id, role: input.role, status: needsPassword ? "invited" : "active" },
        select: {
          role: true,
          status: true,
          createdAt: true,
          user: { select: { id: true, email: true, name: true, lastSignInAt: true } },
        },
      });
      let invitation: { token: string; expiresAt: Date } | null = null;
      if (needsPassword) {
        const { token, tokenHash } = generateInvitationToken();
        const expiresAt = new Date(now.getTime() + invitationValidityDays * DAY_MS);
        await tx.invitation.create({
          data: {
            orgId: ctx.orgId,
            userId: user.id,
            tokenHash,
            expiresAt,
            createdById: ctx.actor.kind === "session" ? ctx.actor.userId : null,
          },
        });
        invitation = { token, expiresAt };
      }
      await recordAuditEvent(
        {
          orgId: ctx.orgId,
          ...describeActor(ctx.actor),
          action: "user.created",
          category: "user_admin",
          targetType: "user",
          targetId: user.id,
          ip: ctx.ip ?? null,
          metadata: {
            email: input.email,
            role: input.role,
            status: membership.status,
            newAccount: existing === null,
            ...(invitation ? { invitationExpiresAt: invitation.expiresAt.toISOString() } : {}),
          },
        },
        tx,
      );
      return {
        member: toMemberResponse({ ...membership, openInvitationExpiresAt: invitation?.expiresAt ?? null }),
        invitation: invitation
          ? { url: `${publicOrigin}${invitationPath(invitation.token)}`, expiresAt: invitation.expiresAt.toISOString() }
          : null,
      };
    }, chainTransactionOptions);
  } catch (error) {
    // Another org created the same account, or this org the same membership, at the same moment.
    if (isUniqueViolation(error)) throw alreadyMember(input.email);
    throw error;
  }
}

function alreadyMember(email: string): AppError {
  const message = `${email} is already a member of this organization`;
  return new AppError("conflict", message, { fields: { email: [message] } });
}
