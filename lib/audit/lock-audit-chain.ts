// Serializes appends to one org's chain and returns its head. The lock is a
// no-op UPDATE of the org's row inside the writer's transaction: on SQLite it
// takes the database's write lock before any read (so the head cannot go stale
// before the insert), on PostgreSQL a row lock that other appenders of the same
// org wait on, across server processes. The key is left unchanged, so
// PostgreSQL takes FOR NO KEY UPDATE and inserts of the org's other records
// (which lock the org row FOR KEY SHARE) are not held up. It sets `name`, not
// the key: SQLite checks every referencing table when a key column is
// assigned, even to itself, and that grows with the org's rows.
import { emptyChainHead, type ChainHead } from "@/lib/audit-chain/link-audit-event";
import type { Prisma } from "@/lib/generated/sqlite/client";

export class UnknownOrganizationError extends Error {
  constructor(orgId: string) {
    super(`Organization ${orgId} does not exist`);
    this.name = "UnknownOrganizationError";
  }
}

export async function lockAuditChain(tx: Prisma.TransactionClient, orgId: string): Promise<ChainHead> {
  const locked = await tx.$executeRaw`UPDATE "Organization" SET "name" = "name" WHERE "id" = ${orgId}`;
  if (locked === 0) throw new UnknownOrganizationError(orgId);
  const head = await tx.auditEvent.findFirst({
    where: { orgId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  return head ?? emptyChainHead;
}
