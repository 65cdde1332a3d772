import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toDate, toNullableString } from "../sql-population";

export type DlpViolationRecord = {
  id: string;
  detectedAt: Date;
  ruleId: string;
  rule: { name: string };
  agentId: string;
  emailId: string | null;
  severity: string;
  actionTaken: string;
  excerpt: string;
};

/** DLP violations with the name of the rule that fired. */
export function createDlpViolationPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<DlpViolationRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "DlpViolation",
    timeColumn: "detectedAt",
    columns: Prisma.sql`"id", "detectedAt", "ruleId", "agentId", "emailId", "severity", "actionTaken", "excerpt",
      (SELECT r."name" FROM "DlpRule" r WHERE r."id" = "DlpViolation"."ruleId") AS "ruleName"`,
    toRecord: ([id, detectedAt, ruleId, agentId, emailId, severity, actionTaken, excerpt, ruleName]) => ({
      id: String(id),
      detectedAt: toDate(detectedAt),
      ruleId: String(ruleId),
      rule: { name: String(ruleName) },
      agentId: String(agentId),
      emailId: toNullableString(emailId),
      severity: String(severity),
      actionTaken: String(actionTaken),
      excerpt: String(excerpt),
    }),
    keyOf: (row) => ({ at: row.detectedAt, id: row.id }),
  });
}
