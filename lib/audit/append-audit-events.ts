// Appends events to one org's chain inside the caller's transaction: locks the
// chain, links each event after the head, writes them. Returns the new head.
import { linkAuditEvents, type ChainHead, type UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { toAuditEventRow } from "@/lib/audit/to-audit-event-row";
import type { Prisma } from "@/lib/generated/sqlite/client";

export async function appendAuditEvents(
  tx: Prisma.TransactionClient,
  orgId: string,
  events: readonly UnlinkedAuditEvent[],
): Promise<ChainHead> {
  const head = await lockAuditChain(tx, orgId);
  if (events.some((event) => event.orgId !== orgId)) throw new Error("Every event must belong to the locked org");
  const { linked, head: newHead } = linkAuditEvents(head, events);
  if (linked.length > 0) await tx.auditEvent.createMany({ data: linked.map(toAuditEventRow) });
  return newHead;
}
