// How an event's provenance is stored: one column for who wrote it and, for
// ingest, which API key or signed-in user sent it.
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";

export type AuditEventSourceColumns = {
  source: AuditEventSource["kind"];
  sourceApiKeyId: string | null;
  sourceUserId: string | null;
};

export function toSourceColumns(source: AuditEventSource): AuditEventSourceColumns {
  return source.kind === "attest"
    ? { source: "attest", sourceApiKeyId: null, sourceUserId: null }
    : { source: "ingest", sourceApiKeyId: source.apiKeyId, sourceUserId: source.userId };
}

export function fromSourceColumns(columns: {
  source: string;
  sourceApiKeyId: string | null;
  sourceUserId: string | null;
}): AuditEventSource {
  return columns.source === "attest"
    ? { kind: "attest" }
    : { kind: "ingest", apiKeyId: columns.sourceApiKeyId, userId: columns.sourceUserId };
}
