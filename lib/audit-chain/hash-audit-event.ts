// The chain's hash of one event: SHA-256 over the RFC 8785 canonical JSON of
// its fields, its place (org, sequence, previous hash), its source, and the
// salted digests of its personal fields.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { chainVersion, personalFieldsOf, type ChainedAuditEvent } from "@/lib/audit-chain/chained-audit-event";

export function digestPersonalField(salt: string, name: string, value: unknown): string {
  const canonical = canonicalize(value);
  if (canonical === undefined) throw new Error(`Field ${name} cannot be canonicalized`);
  return createHash("sha256").update(`${salt}\u0000${name}\u0000${canonical}`, "utf8").digest("hex");
}

/** Digests of the personal fields: of each value present, or the digest kept when it was erased. */
export function personalDigestsOf(event: ChainedAuditEvent): Record<string, string> {
  const digests: Record<string, string> = { ...(event.redactions ?? {}) };
  for (const [name, value] of personalFieldsOf(event)) {
    digests[name] = digestPersonalField(event.salt, name, value);
  }
  return digests;
}

/** The canonical bytes the event hash is taken over. */
export function canonicalAuditEvent(event: ChainedAuditEvent, digests = personalDigestsOf(event)): string {
  const canonical = canonicalize({
    v: chainVersion,
    org: event.orgId,
    seq: event.seq,
    prev: event.prevHash,
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    category: event.category,
    targetType: event.targetType,
    targetId: event.targetId,
    agentId: event.agentId,
    outcome: event.outcome,
    source: event.source,
    personal: digests,
  });
  if (canonical === undefined) throw new Error(`Audit event ${event.id} cannot be canonicalized`);
  return canonical;
}

export function hashAuditEvent(event: ChainedAuditEvent): string {
  return createHash("sha256").update(canonicalAuditEvent(event), "utf8").digest("hex");
}
