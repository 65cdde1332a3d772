// Writes several queued batches in one transaction, for SQLite's single
// writer: one commit (one sync of the disk) for all of them instead of one
// each. Every batch is still all or nothing on its own behind a savepoint: one
// that fails is rolled back to it and answered with its error, and the others
// commit. A batch alone needs no savepoint: its failure rolls the transaction
// back, which is the same, and inside a savepoint SQLite first copies every
// page the batch changes into a sub-journal. Nothing is answered before the commit.
import type { Identity } from "@/lib/auth/identity";
import type { Database } from "@/lib/db";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { toIngestResult, type IngestResult } from "@/lib/ingest/ingest-records";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import { planIngestBatch, type IngestPlan } from "@/lib/ingest/plan-ingest-batch";
import type { IngestBatch } from "@/lib/ingest/schemas";
import { resolveInsertTarget } from "@/lib/ingest/resolve-insert-target";
import { writePlannedBatch } from "@/lib/ingest/write-planned-batch";

export type GroupedBatch = { identity: Identity; kind: IngestKind; batch: IngestBatch };

export type GroupedBatchOutcome = { ok: true; result: IngestResult } | { ok: false; error: unknown };

export async function ingestBatchesTogether(
  database: Database,
  batches: readonly GroupedBatch[],
): Promise<GroupedBatchOutcome[]> {
  const plans = batches.map(({ identity, kind, batch }): IngestPlan | { error: unknown } => {
    try {
      return planIngestBatch(identity, kind, batch);
    } catch (error) {
      return { error };
    }
  });
  try {
    return await database.$transaction(async (tx) => {
      const target = await resolveInsertTarget(database);
      const outcomes: GroupedBatchOutcome[] = [];
      for (const plan of plans) {
        if ("error" in plan) {
          outcomes.push({ ok: false, error: plan.error });
          continue;
        }
        if (plans.length === 1) {
          outcomes.push({ ok: true, result: toIngestResult(plan, await writePlannedBatch(tx, plan, target)) });
          continue;
        }
        await tx.$executeRawUnsafe("SAVEPOINT ingest_batch");
        try {
          const written = await writePlannedBatch(tx, plan, target);
          await tx.$executeRawUnsafe("RELEASE ingest_batch");
          outcomes.push({ ok: true, result: toIngestResult(plan, written) });
        } catch (error) {
          await tx.$executeRawUnsafe("ROLLBACK TO ingest_batch");
          await tx.$executeRawUnsafe("RELEASE ingest_batch");
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    }, chainTransactionOptions);
  } catch (error) {
    // The transaction itself failed (the lock, the commit): no batch was written.
    return batches.map(() => ({ ok: false, error }));
  }
}
