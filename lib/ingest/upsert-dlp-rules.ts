// Creates or updates the org's DLP rules, keyed by the platform's own rule id
// (names are not unique), so DLP violations can reference them by Attest id.
// Each record is the rule's full state: optional fields left out take their defaults.
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { deriveRecordId } from "@/lib/ingest/derive-record-id";
import { isUniqueViolation } from "@/lib/ingest/is-unique-violation";
import type { DlpRuleBatch } from "@/lib/ingest/schemas";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";

export type UpsertDlpRulesResult = {
  kind: "dlp-rules";
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; clientId: string; status: "created" | "updated" }[];
};

const transactionOptions = { maxWait: 10_000, timeout: 60_000 };

export async function upsertDlpRules(
  ctx: { identity: Identity; db?: Database },
  batch: DlpRuleBatch,
): Promise<UpsertDlpRulesResult> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;
  const planned = batch.records.map(({ id: clientId, orgId: _ignored, ...rule }) => ({
    id: deriveRecordId(orgId, "dlp-rules", clientId),
    clientId,
    rule: { ...rule, pattern: rule.pattern ?? null },
  }));

  const run = () =>
    database.$transaction(async (tx) => {
      await takeWriteLock(tx);
      const existing = await tx.dlpRule.findMany({
        where: { orgId, id: { in: planned.map((row) => row.id) } },
        select: { id: true },
      });
      const existingIds = new Set(existing.map((rule) => rule.id));
      for (const row of planned) {
        if (existingIds.has(row.id))
          await tx.dlpRule.update({ where: { id: row.id }, data: row.rule, select: { id: true } });
      }
      const fresh = planned.filter((row) => !existingIds.has(row.id));
      if (fresh.length > 0)
        await tx.dlpRule.createMany({ data: fresh.map((row) => ({ id: row.id, orgId, ...row.rule })) });
      return existingIds;
    }, transactionOptions);

  const existingIds = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });

  return {
    kind: "dlp-rules",
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
