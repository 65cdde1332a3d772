// Writes one planned batch inside the caller's transaction: the org's chain
// (audit events) or the write lock first, then references checked against the
// org, records the org already holds skipped, the rest inserted.
import { emptyChainHead, type ChainHead } from "@/lib/audit-chain/link-audit-event";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { findExistingRecordIds } from "@/lib/ingest/find-existing-record-ids";
import { ingestSourceOf } from "@/lib/ingest/ingest-source-of";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import { insertIngestRecords } from "@/lib/ingest/insert-ingest-records";
import type { InsertTarget } from "@/lib/ingest/insert-rows";
import type { IngestPlan } from "@/lib/ingest/plan-ingest-batch";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";
import { verifyRecordReferences } from "@/lib/ingest/verify-record-references";

export type PlannedBatchWrite = { accepted: number; existing: Set<string> };

export async function writePlannedBatch(
  tx: IngestTransaction,
  plan: IngestPlan,
  /** Where the transaction's bulk statements run (resolve-insert-target.ts). */
  target: InsertTarget,
): Promise<PlannedBatchWrite> {
  const { orgId, kind, batch, planned } = plan;
  // Audit events lock their org's chain, which on SQLite is the write lock too.
  let chainHead: ChainHead = emptyChainHead;
  if (kind === "audit-events") chainHead = await lockAuditChain(tx, orgId);
  else await takeWriteLock(tx);
  const references = await verifyRecordReferences(tx, orgId, kind, batch.records);
  const existing = await findExistingRecordIds(
    tx,
    target,
    orgId,
    kind,
    planned.filter((row) => row.clientId !== null).map((row) => row.id),
  );
  const fresh = planned.filter((row) => !existing.has(row.id));
  const accepted = await insertIngestRecords(tx, orgId, kind, fresh, {
    references,
    chainHead,
    source: ingestSourceOf(plan.identity),
    target,
  });
  return { accepted, existing };
}
