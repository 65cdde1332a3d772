// The audit event of one configuration record created or changed by ingest:
// who sent it (the API key or signed-in user, also its provenance) and the
// change, before and after, in the shape the reports read
// (`metadata: { before, after }`; before is null for a new record).
import { randomUUID } from "node:crypto";
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import type { AuditCategory } from "@/lib/audit/record-audit-event";
import { describeActor, type Identity } from "@/lib/auth/identity";
import type { ConfigChange } from "@/lib/ingest/diff-config-fields";
import { ingestSourceOf } from "@/lib/ingest/ingest-source-of";

export type ConfigChangeEvent = ConfigChange & {
  action: string;
  category: AuditCategory;
  targetType: string;
  targetId: string;
  agentId: string | null;
};

export function toConfigChangeEvent(
  identity: Identity,
  change: ConfigChangeEvent,
  occurredAt: Date,
): UnlinkedAuditEvent {
  return {
    id: randomUUID(),
    orgId: identity.orgId,
    occurredAt,
    ...describeActor(identity),
    action: change.action,
    category: change.category,
    targetType: change.targetType,
    targetId: change.targetId,
    agentId: change.agentId,
    outcome: "success",
    ip: null,
    metadata: { before: change.before, after: change.after },
    source: ingestSourceOf(identity),
  };
}
