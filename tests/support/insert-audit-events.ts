// Writes test audit events through the chain, as Attest writes them: each
// org's events are linked, in the order given, after that org's head.
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import { toUnlinkedAuditEvent, type AuditEventFields } from "@/lib/audit-chain/to-unlinked-audit-event";
import { appendAuditEvents } from "@/lib/audit/append-audit-events";
import type { Database } from "@/lib/db";

export type TestAuditEvent = AuditEventFields & { id?: string };

export async function insertAuditEvents(db: Database, events: readonly TestAuditEvent[]): Promise<void> {
  const byOrg = new Map<string, UnlinkedAuditEvent[]>();
  for (const event of events) {
    const list = byOrg.get(event.orgId) ?? [];
    list.push(toUnlinkedAuditEvent(event.id ?? crypto.randomUUID(), event, { kind: "attest" }));
    byOrg.set(event.orgId, list);
  }
  for (const [orgId, list] of byOrg) {
    await db.$transaction((tx) => appendAuditEvents(tx, orgId, list));
  }
}
