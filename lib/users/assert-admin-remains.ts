// An org always keeps at least one active admin: someone must be able to manage
// its members and keys. Called after lockOrgMemberships, before the change.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { AppError } from "@/lib/errors/app-error";

export async function assertAdminRemains(
  tx: Prisma.TransactionClient,
  orgId: string,
  leavingUserId: string,
): Promise<void> {
  const otherAdmins = await tx.membership.count({
    where: { orgId, role: "admin", status: "active", userId: { not: leavingUserId } },
  });
  if (otherAdmins === 0) {
    throw new AppError("conflict", "An organization must keep at least one admin: make another member admin first");
  }
}
