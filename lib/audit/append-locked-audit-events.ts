// Writes events after a chain head the caller has already locked in this
// transaction (lockAuditChain): for writers that lock first, before the
// writes the events describe, and append the batch's events in one go.
import { linkAuditEvents, type ChainHead, type UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { toAuditEventRow } from "@/lib/audit/to-audit-event-row";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { joinJsonPath } from "@/lib/json/find-json-path";
import { findProtoKeyPath } from "@/lib/json/find-proto-key-path";

export async function appendLockedAuditEvents(
  tx: Prisma.TransactionClient,
  lockedHead: ChainHead,
  events: readonly UnlinkedAuditEvent[],
): Promise<ChainHead> {
  // Prisma's JSON writer drops a `__proto__` key: the event would be hashed
  // with it, stored without it, and verify as broken.
  for (const event of events) {
    const protoKey = event.metadata ? findProtoKeyPath(event.metadata) : null;
    if (protoKey)
      throw new Error(`Audit event metadata cannot hold a \`__proto__\` key (metadata.${joinJsonPath(protoKey)})`);
  }
  const { linked, head } = linkAuditEvents(lockedHead, events);
  if (linked.length > 0) await tx.auditEvent.createMany({ data: linked.map(toAuditEventRow) });
  return head;
}
