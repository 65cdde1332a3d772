// What writing a validated batch needs before any database work: the caller's
// org (from the identity, never the body) and each record's derived id.
import type { Identity } from "@/lib/auth/identity";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { IngestBatch, IngestRecord } from "@/lib/ingest/schemas";

export type PlannedRecord = { id: string; clientId: string | null; record: IngestRecord };

export type IngestPlan = {
  identity: Identity;
  orgId: string;
  kind: IngestKind;
  batch: IngestBatch;
  planned: PlannedRecord[];
};

export function planIngestBatch(identity: Identity, kind: IngestKind, batch: IngestBatch): IngestPlan {
  const orgId = identity.orgId;
  assertCallerOrg(orgId, batch);
  const planned = batch.records.map((record) => ({
    id: deriveRecordId(orgId, kind, record.id),
    clientId: record.id ?? null,
    record,
  }));
  return { identity, orgId, kind, batch, planned };
}
