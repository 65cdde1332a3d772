// The provenance ingest records on each audit event it writes: which API key,
// or which signed-in user, pushed it.
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import type { Identity } from "@/lib/auth/identity";

export function ingestSourceOf(identity: Identity): AuditEventSource {
  return identity.kind === "api_key"
    ? { kind: "ingest", apiKeyId: identity.apiKeyId, userId: null }
    : { kind: "ingest", apiKeyId: null, userId: identity.userId };
}
