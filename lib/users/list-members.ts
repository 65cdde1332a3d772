// The org's members with role, status and last sign-in, admins first, then by
// email. An org has people, not populations: one bounded read.
import "server-only";
import { db } from "@/lib/db";
import type { MemberResponse } from "@/lib/users/schemas";
import { toMemberResponse } from "@/lib/users/to-member-response";

const roleOrder: Record<string, number> = { admin: 0, auditor: 1, member: 2 };

export async function listMembers({ orgId }: { orgId: string }): Promise<MemberResponse[]> {
  const now = new Date();
  const memberships = await db.membership.findMany({
    where: { orgId },
    select: {
      role: true,
      status: true,
      createdAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          lastSignInAt: true,
          invitations: {
            where: { orgId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
            select: { expiresAt: true },
            orderBy: { expiresAt: "desc" },
            take: 1,
          },
        },
      },
    },
    orderBy: [{ user: { email: "asc" } }],
  });
  return memberships
    .map(({ user: { invitations, ...user }, ...membership }) =>
      toMemberResponse({ ...membership, user, openInvitationExpiresAt: invitations[0]?.expiresAt ?? null }),
    )
    .sort((a, b) => (roleOrder[a.role] ?? 3) - (roleOrder[b.role] ?? 3));
}
