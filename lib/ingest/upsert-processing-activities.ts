// Creates or updates the org's GDPR Art. 30 processing activities, keyed by the
// platform's own id (names are not unique), for the GDPR Export to report.
// Each record is the activity's full state: `agentId` left out makes it org-wide.
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import { isUniqueViolation } from "@/lib/ingest/is-unique-violation";
import type { ProcessingActivityBatch } from "@/lib/ingest/schemas";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";
import { verifyRecordReferences } from "@/lib/ingest/verify-record-references";

export type UpsertProcessingActivitiesResult = {
  kind: "processing-activities";
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; clientId: string; status: "created" | "updated" }[];
};

const transactionOptions = { maxWait: 10_000, timeout: 60_000 };

export async function upsertProcessingActivities(
  ctx: { identity: Identity; db?: Database },
  batch: ProcessingActivityBatch,
): Promise<UpsertProcessingActivitiesResult> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;
  const planned = batch.records.map(({ id: clientId, orgId: _ignored, ...activity }) => ({
    id: deriveRecordId(orgId, "processing-activities", clientId),
    clientId,
    activity: { ...activity, agentId: activity.agentId ?? null },
  }));

  const run = () =>
    database.$transaction(async (tx) => {
      await takeWriteLock(tx);
      await verifyRecordReferences(tx, orgId, "processing-activities", batch.records);
      const existing = await tx.processingActivity.findMany({
        where: { orgId, id: { in: planned.map((row) => row.id) } },
        select: { id: true },
      });
      const existingIds = new Set(existing.map((activity) => activity.id));
      for (const row of planned) {
        if (existingIds.has(row.id))
          await tx.processingActivity.update({ where: { id: row.id }, data: row.activity, select: { id: true } });
      }
      const fresh = planned.filter((row) => !existingIds.has(row.id));
      if (fresh.length > 0)
        await tx.processingActivity.createMany({ data: fresh.map((row) => ({ id: row.id, orgId, ...row.activity })) });
      return existingIds;
    }, transactionOptions);

  // Two requests creating the same activity: the later meets the primary key; again, it updates.
  const existingIds = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });

  return {
    kind: "processing-activities",
    accepted: planned.length,
    created: planned.length - existingIds.size,
    updated: existingIds.size,
    records: planned.map((row) => ({
      id: row.id,
      clientId: row.clientId,
      status: existingIds.has(row.id) ? ("updated" as const) : ("created" as const),
    })),
  };
}
