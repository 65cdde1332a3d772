// A linked event as the AuditEvent table stores it: one mapping for every
// writer, so what is stored is exactly what was hashed.
import type { LinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { toSourceColumns } from "@/lib/audit/audit-event-source-columns";
import type { Prisma } from "@/lib/generated/sqlite/client";

export function toAuditEventRow(event: LinkedAuditEvent): Prisma.AuditEventCreateManyInput {
  return {
    id: event.id,
    orgId: event.orgId,
    occurredAt: event.occurredAt,
    actorType: event.actorType,
    actorId: event.actorId,
    actorLabel: event.actorLabel,
    action: event.action,
    category: event.category,
    targetType: event.targetType,
    targetId: event.targetId,
    agentId: event.agentId,
    outcome: event.outcome,
    ip: event.ip,
    // Left out → SQL NULL, not the JSON literal `null`.
    metadata: (event.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
    seq: event.seq,
    prevHash: event.prevHash,
    hash: event.hash,
    salt: event.salt,
    ...toSourceColumns(event.source),
    redactions: (event.redactions ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}
