// An event as its writer describes it (optional fields left out), in the
// complete form the chain links: every writer fills the gaps the same way.
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";

export type AuditEventFields = {
  orgId: string;
  occurredAt: Date;
  actorType: string;
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  category: string;
  targetType?: string | null;
  targetId?: string | null;
  agentId?: string | null;
  outcome: string;
  ip?: string | null;
  metadata?: Record<string, unknown> | null;
};

export function toUnlinkedAuditEvent(
  id: string,
  event: AuditEventFields,
  source: AuditEventSource,
): UnlinkedAuditEvent {
  return {
    id,
    orgId: event.orgId,
    occurredAt: event.occurredAt,
    actorType: event.actorType,
    actorId: event.actorId ?? null,
    actorLabel: event.actorLabel ?? null,
    action: event.action,
    category: event.category,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    agentId: event.agentId ?? null,
    outcome: event.outcome,
    ip: event.ip ?? null,
    metadata: event.metadata ?? null,
    source,
  };
}
