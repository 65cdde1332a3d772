// Writes one pushed batch of activity records into the caller's org, all or
// nothing: the org comes from the identity, every reference is checked against
// that org, records whose client id the org already holds are skipped as
// duplicates, and the rest are inserted in one transaction.
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import { planIngestBatch, type IngestPlan } from "@/lib/ingest/plan-ingest-batch";
import type { IngestBatch } from "@/lib/ingest/schemas";
import { resolveInsertTarget } from "@/lib/ingest/resolve-insert-target";
import { writePlannedBatch, type PlannedBatchWrite } from "@/lib/ingest/write-planned-batch";

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
  const plan = planIngestBatch(ctx.identity, kind, batch);
  const database = ctx.db ?? defaultDb;
  const run = () =>
    database.$transaction(
      async (tx) => writePlannedBatch(tx, plan, await resolveInsertTarget(database)),
      chainTransactionOptions,
    );
  // Two concurrent retries of one batch: the later insert meets the earlier's
  // keys (unique violation) once that commits. Running again reports them as duplicates.
  const written = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });
  return toIngestResult(plan, written);
}

export function toIngestResult(plan: IngestPlan, { accepted, existing }: PlannedBatchWrite): IngestResult {
  return {
    kind: plan.kind,
    accepted,
    duplicates: existing.size,
    records: plan.planned.map((row) => ({
      id: row.id,
      clientId: row.clientId,
      status: existing.has(row.id) ? "duplicate" : "created",
    })),
  };
}
