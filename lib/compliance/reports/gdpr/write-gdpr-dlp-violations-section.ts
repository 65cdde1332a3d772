// The GDPR Export's DLP section: every violation DLP caught on the agent's
// communications, all time — which rule fired, on which email, what was done
// (blocked, redacted, quarantined, alerted) — with counts grouped in the
// database. Excerpts are masked again on the way out, as in the SOC2 Summary.
import { redactPersonalData } from "@/lib/compliance/pii/redact-personal-data";
import type { Database } from "@/lib/db";
import { allOf, columnEquals, type SqlCondition } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { TimeWindow } from "../build-time-window";
import { countPopulationGroups } from "../count-population-groups";
import { joinFilterText } from "../join-filter-text";
import type { PopulationSource } from "../population-source";
import { createDlpViolationPopulation, type DlpViolationRecord } from "../sources/dlp-violation-population";
import type { ReportRun } from "../start-report-run";
import { writePopulationTable } from "../write-population-table";

/** Columns of the section's rows beyond the export's others, in CSV order. */
export const gdprDlpViolationColumns = [
  "rule_id",
  "rule_name",
  "severity",
  "action_taken",
  "email_id",
  "excerpt",
  "count",
] as const;

const onRecordedEmail: SqlCondition = { sql: Prisma.sql`"emailId" IS NOT NULL`, text: "emailId is not null" };

export function createGdprDlpViolationPopulation(
  db: Database,
  { orgId, agentId, window }: { orgId: string; agentId: string; window: TimeWindow },
): PopulationSource<DlpViolationRecord> {
  const org = columnEquals("orgId", orgId);
  const ofAgent = columnEquals("agentId", agentId);
  return createDlpViolationPopulation(db, {
    source: "DlpViolation: dlp_violations.violations",
    filter: joinFilterText([org.text, ofAgent.text, window.describe("detectedAt")]),
    where: allOf(org, ofAgent).sql,
    range: window.range,
  });
}

export async function writeGdprDlpViolationsSection(
  run: ReportRun,
  violations: PopulationSource<DlpViolationRecord>,
): Promise<void> {
  const { output, db, orgId } = run;
  const byRule = await countPopulationGroups(db, violations, ["ruleId", "severity", "actionTaken"]);
  const byAction = await countPopulationGroups(db, violations, ["actionTaken"]);
  const [withEmail] = await countPopulationGroups(db, violations, [], {
    and: onRecordedEmail,
  });
  const ruleNames = new Map(
    (
      await db.dlpRule.findMany({
        where: { orgId, id: { in: [...new Set(byRule.map((group) => String(group.ruleId)))] } },
        select: { id: true, name: true },
      })
    ).map((rule) => [rule.id, rule.name]),
  );
  await output.startSection("dlp_violations", {
    title: "DLP violations",
    description:
      "Every data-loss-prevention violation caught on this agent's communications, all time, in chronological " +
      "order: the rule that fired, its severity, the action taken and the email it was found in (email_id, when the " +
      "platform recorded it; the email itself is in the emails section), with counts by rule and by action. " +
      "Excerpts are masked.",
    criteria: [],
    summary: {
      violations: run.manifestOf(violations).rowCount,
      onRecordedEmails: withEmail?.count ?? 0,
      byAction: Object.fromEntries(byAction.map((group) => [String(group.actionTaken), group.count])),
    },
  });
  await output.writeTable(
    "by_rule",
    byRule.map((group) => ({
      rule_id: group.ruleId,
      rule_name: ruleNames.get(String(group.ruleId)) ?? null,
      severity: group.severity,
      action_taken: group.actionTaken,
      count: group.count,
    })),
  );
  await writePopulationTable({
    ...run,
    table: "violations",
    source: violations,
    manifest: run.manifestOf(violations),
    toRow: (violation) => ({
      occurred_at: violation.detectedAt.toISOString(),
      id: violation.id,
      rule_id: violation.ruleId,
      rule_name: violation.rule.name,
      severity: violation.severity,
      action_taken: violation.actionTaken,
      email_id: violation.emailId,
      // Stored excerpts are masked upstream; masking again keeps a raw value from ever reaching a report.
      excerpt: redactPersonalData(violation.excerpt),
    }),
  });
  await output.endSection();
}
