// Creates or updates the org's DLP rules, keyed by the platform's own rule id
// (names are not unique), so DLP violations can reference them by Attest id.
// Each record is the rule's full state: optional fields left out take their defaults.
import "server-only";
import type { IngestContext } from "@/lib/ingest/ingest-records";
import type { DlpRuleBatch } from "@/lib/ingest/schemas";
import { upsertByClientId, type UpsertByClientIdResult } from "@/lib/ingest/upsert-by-client-id";

export type UpsertDlpRulesResult = UpsertByClientIdResult<"dlp-rules">;

export async function upsertDlpRules(ctx: IngestContext, batch: DlpRuleBatch): Promise<UpsertDlpRulesResult> {
  return upsertByClientId(ctx, batch, {
    kind: "dlp-rules",
    // null, not undefined: an update would keep the stored pattern for undefined.
    toData: (rule) => ({ ...rule, pattern: rule.pattern ?? null }),
    findCurrent: (tx, where) =>
      tx.dlpRule.findMany({
        where,
        select: {
          id: true,
          name: true,
          description: true,
          detector: true,
          pattern: true,
          severity: true,
          action: true,
          enabled: true,
        },
      }),
    update: (tx, id, data) => tx.dlpRule.update({ where: { id }, data, select: { id: true } }),
    createMany: (tx, rows) => tx.dlpRule.createMany({ data: rows }),
    // The action names the seed and Attest's own rule changes use, which the reports read.
    audit: {
      category: "dlp",
      targetType: "dlp_rule",
      created: "dlp.rule_created",
      updated: "dlp.rule_updated",
      agentIdOf: () => null,
    },
  });
}
