// Serializes membership changes of one org inside the caller's transaction, so
// the last-admin rule cannot be beaten by two changes at once (two admins
// demoting each other). It takes the org's audit-chain lock, which every
// audited change takes anyway: on PostgreSQL a row lock on the org that the
// other transaction waits on, on SQLite the database's write lock. Counts read
// after it see every change committed before it.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";

export async function lockOrgMemberships(tx: Prisma.TransactionClient, orgId: string): Promise<void> {
  await lockAuditChain(tx, orgId);
}
