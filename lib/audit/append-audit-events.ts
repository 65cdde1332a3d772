// Appends events to one org's chain inside the caller's transaction: locks the
// chain, links each event after the head, writes them. Returns the new head.
import type { ChainHead, UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { appendLockedAuditEvents } from "@/lib/audit/append-locked-audit-events";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import type { Prisma } from "@/lib/generated/sqlite/client";

export async function appendAuditEvents(
  tx: Prisma.TransactionClient,
  orgId: string,
  events: readonly UnlinkedAuditEvent[],
): Promise<ChainHead> {
  const head = await lockAuditChain(tx, orgId);
  if (events.some((event) => event.orgId !== orgId)) throw new Error("Every event must belong to the locked org");
  return appendLockedAuditEvents(tx, head, events);
}
