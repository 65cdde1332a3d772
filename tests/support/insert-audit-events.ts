// Writes test audit events through the chain, as Attest writes them: each
// org's events are linked, in the order given, after that org's head.
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { Database } from "@/lib/db";

export type TestAuditEvent = {
  id?: string;
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

export async function insertAuditEvents(db: Database, events: readonly TestAuditEvent[]): Promise<void> {
  const byOrg = new Map<string, UnlinkedAuditEvent[]>();
  for (const event of events) {
    const list = byOrg.get(event.orgId) ?? [];
    list.push({
      id: event.id ?? crypto.randomUUID(),
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
      source: { kind: "attest" },
    });
    byOrg.set(event.orgId, list);
  }
  for (const [orgId, list] of byOrg) {
    await db.$transaction((tx) => appendAuditEvents(tx, orgId, list));
  }
}
