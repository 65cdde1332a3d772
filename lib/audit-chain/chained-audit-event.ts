// An audit event as the hash chain sees it. Personal-data fields (the actor's
// label, the IP address, and each top-level metadata key) enter the hash as
// salted digests, not as values: erasure can later remove a value and keep
// its digest, and the chain still verifies, reporting the event as redacted.

/** The hash before an org's first event. */
export const genesisHash = "0".repeat(64);
export const chainVersion = 1;

export type AuditEventSource = { kind: "attest" } | { kind: "ingest"; apiKeyId: string | null; userId: string | null };

/** The fields of a stored event that the chain covers. */
export type ChainedAuditEvent = {
  id: string;
  orgId: string;
  seq: number;
  prevHash: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  category: string;
  targetType: string | null;
  targetId: string | null;
  agentId: string | null;
  outcome: string;
  ip: string | null;
  metadata: Record<string, unknown> | null;
  source: AuditEventSource;
  /** Hex; random per event, so a digest cannot be matched against a guessed value. */
  salt: string;
  /** Digests kept for values erased since, keyed by personal field name. */
  redactions: Record<string, string> | null;
};

/**
 * An event as the chain hashes it. Events read back from storage carry
 * `occurredAt` as the ISO 8601 UTC text toISOString() writes: verification
 * reads millions and needs only that text, never the Date.
 */
export type HashableAuditEvent = Omit<ChainedAuditEvent, "occurredAt"> & { occurredAt: Date | string };

/** Personal fields by name: "actorLabel", "ip", and "metadata.<key>". */
export function personalFieldsOf(
  event: Pick<ChainedAuditEvent, "actorLabel" | "ip" | "metadata">,
): Array<[name: string, value: unknown]> {
  const fields: Array<[string, unknown]> = [];
  if (event.actorLabel !== null) fields.push(["actorLabel", event.actorLabel]);
  if (event.ip !== null) fields.push(["ip", event.ip]);
  for (const [key, value] of Object.entries(event.metadata ?? {})) {
    if (value !== undefined) fields.push([`metadata.${key}`, value]);
  }
  return fields;
}
