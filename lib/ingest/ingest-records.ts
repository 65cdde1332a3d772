// Writes one pushed batch of activity records into the caller's org, all or
// nothing: the org comes from the identity, every reference is checked against
// that org, records whose client id the org already holds are skipped as
// duplicates, and the rest are inserted in one transaction.
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import { findExistingRecordIds } from "@/lib/ingest/find-existing-record-ids";
import { insertIngestRecords } from "@/lib/ingest/insert-ingest-records";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { IngestBatch } from "@/lib/ingest/schemas";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";
import { emptyChainHead, type ChainHead } from "@/lib/audit-chain/link-audit-event";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { ingestSourceOf } from "@/lib/ingest/ingest-source-of";
import { verifyRecordReferences } from "@/lib/ingest/verify-record-references";

export type IngestContext = { identity: Identity; db?: Database };

export type IngestResult = {
  kind: IngestKind;
  /** Records written by this request. */
  accepted: number;
  /** Records skipped because the org already holds their client id. */
  duplicates: number;
  /** One entry per record, in request order: the id to reference it by (e.g. a DLP violation's emailId). */
  records: { id: string; clientId: string | null; status: "created" | "duplicate" }[];
};

export async function ingestRecords(ctx: IngestContext, kind: IngestKind, batch: IngestBatch): Promise<IngestResult> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;
  const planned = batch.records.map((record) => ({
    id: deriveRecordId(orgId, kind, record.id),
    clientId: record.id ?? null,
    record,
  }));

  const run = () =>
    database.$transaction(async (tx) => {
      // Audit events lock their org's chain, which on SQLite is the write lock too.
      let chainHead: ChainHead = emptyChainHead;
      if (kind === "audit-events") chainHead = await lockAuditChain(tx, orgId);
      else await takeWriteLock(tx);
      const references = await verifyRecordReferences(tx, orgId, kind, batch.records);
      const existing = await findExistingRecordIds(
        tx,
        orgId,
        kind,
        planned.filter((row) => row.clientId !== null).map((row) => row.id),
      );
      const fresh = planned.filter((row) => !existing.has(row.id));
      const accepted = await insertIngestRecords(tx, orgId, kind, fresh, {
        references,
        chainHead,
        source: ingestSourceOf(ctx.identity),
      });
      return { accepted, existing };
    }, chainTransactionOptions);

  // Two concurrent retries of one batch: the later insert meets the earlier's
  // keys (unique violation) once that commits. Running again reports them as duplicates.
  const { accepted, existing } = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });

  return {
    kind,
    accepted,
    duplicates: existing.size,
    records: planned.map((row) => ({
      id: row.id,
      clientId: row.clientId,
      status: existing.has(row.id) ? "duplicate" : "created",
    })),
  };
}
