// Creates or updates the org's GDPR Art. 30 processing activities, keyed by the
// platform's own id (names are not unique), for the GDPR Export to report.
// Each record is the activity's full state: `agentId` left out makes it org-wide.
// An activity not keyed by a client id (seeded) is matched by its stored id, so
// the register exported as CSV re-imports onto the same rows.
import "server-only";
import type { IngestContext } from "@/lib/ingest/ingest-records";
import type { ProcessingActivityBatch } from "@/lib/ingest/schemas";
import { upsertByClientId, type UpsertByClientIdResult } from "@/lib/ingest/upsert-by-client-id";
import { verifyRecordReferences } from "@/lib/ingest/verify-record-references";

export type UpsertProcessingActivitiesResult = UpsertByClientIdResult<"processing-activities">;

export async function upsertProcessingActivities(
  ctx: IngestContext,
  batch: ProcessingActivityBatch,
): Promise<UpsertProcessingActivitiesResult> {
  return upsertByClientId(ctx, batch, {
    kind: "processing-activities",
    // null, not undefined: an update would keep the stored agent for undefined.
    toData: (activity, clientId) => ({
      ...activity,
      agentId: activity.agentId ?? null,
      dataSource: activity.dataSource ?? null,
      automatedDecisionLogic: activity.automatedDecisionLogic ?? null,
      clientId,
    }),
    findLegacyIds: async (tx, orgId, ids) => {
      const rows = await tx.processingActivity.findMany({
        where: { orgId, id: { in: ids }, clientId: null },
        select: { id: true },
      });
      return new Set(rows.map((row) => row.id));
    },
    verifyReferences: (tx, orgId) => verifyRecordReferences(tx, orgId, "processing-activities", batch.records),
    findCurrent: (tx, where) =>
      tx.processingActivity.findMany({
        where,
        select: processingActivityStateSelect,
      }),
    update: (tx, id, data) => tx.processingActivity.update({ where: { id }, data, select: { id: true } }),
    createMany: (tx, rows) => tx.processingActivity.createMany({ data: rows }),
    audit: {
      category: "system_config",
      targetType: "processing_activity",
      created: "processing_activity.created",
      updated: "processing_activity.updated",
      agentIdOf: (activity) => activity.agentId,
    },
  });
}

/** An activity's full state as ingest compares it and the register exports it. */
export const processingActivityStateSelect = {
  id: true,
  clientId: true,
  agentId: true,
  name: true,
  purpose: true,
  legalBasis: true,
  dataCategories: true,
  subjectCategories: true,
  recipients: true,
  retention: true,
  thirdCountryTransfers: true,
  dataSource: true,
  automatedDecisionMaking: true,
  automatedDecisionLogic: true,
} as const;
