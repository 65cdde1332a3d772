// Erases personal fields of one event without breaking the chain: each value
// is removed and its salted digest kept in `redactions`, so the event's hash
// is unchanged. The caller stores the result and records the erasure as an
// audit event of its own.
import type { ChainedAuditEvent, HashableAuditEvent } from "@/lib/audit-chain/chained-audit-event";
import { digestPersonalField } from "@/lib/audit-chain/hash-audit-event";

export type RedactableField = "actorLabel" | "ip" | `metadata.${string}`;

export type RedactedFields = Pick<ChainedAuditEvent, "actorLabel" | "ip" | "metadata" | "redactions">;

export function redactChainedEvent(event: HashableAuditEvent, fields: readonly RedactableField[]): RedactedFields {
  const redactions: Record<string, string> = { ...(event.redactions ?? {}) };
  let { actorLabel, ip } = event;
  const metadata = event.metadata ? { ...event.metadata } : null;
  for (const field of fields) {
    if (field === "actorLabel" && actorLabel !== null) {
      redactions.actorLabel = digestPersonalField(event.salt, field, actorLabel);
      actorLabel = null;
    } else if (field === "ip" && ip !== null) {
      redactions.ip = digestPersonalField(event.salt, field, ip);
      ip = null;
    } else if (field.startsWith("metadata.") && metadata) {
      const key = field.slice("metadata.".length);
      if (metadata[key] === undefined) continue;
      redactions[field] = digestPersonalField(event.salt, field, metadata[key]);
      delete metadata[key];
    }
  }
  return { actorLabel, ip, metadata, redactions: Object.keys(redactions).length > 0 ? redactions : null };
}
