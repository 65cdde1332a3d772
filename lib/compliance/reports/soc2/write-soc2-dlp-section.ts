import { redactPersonalData } from "@/lib/compliance/pii/redact-personal-data";
import { columnIsTrue } from "@/lib/db/sql-condition";
import { countPopulationGroupSets } from "../count-population-group-sets";
import { countPopulationRows } from "../count-population-groups";
import type { ReportRun } from "../start-report-run";
import { writePopulationTable } from "../write-population-table";
import type { Soc2Populations } from "./plan-soc2-populations";

/** The section's database counts (queried ahead of the section). */
export async function countSoc2Dlp(run: ReportRun, populations: Soc2Populations) {
  const { db, orgId } = run;
  const violations = populations.dlpViolations;
  const [byRule, bySeverity, byAction, byAgent] = await countPopulationGroupSets(db, violations, [
    ["ruleId"],
    ["severity"],
    ["actionTaken"],
    ["agentId"],
  ]);
  // Names for the rules that have violations (at most one row per rule).
  const ruleNames = new Map(
    (
      await db.dlpRule.findMany({
        where: { orgId, id: { in: byRule.map((group) => String(group.ruleId)) } },
        select: { id: true, name: true },
      })
    ).map((rule) => [rule.id, rule.name]),
  );
  const enabledRules = await countPopulationRows(db, populations.dlpRules, columnIsTrue("enabled"));
  return { byRule, bySeverity, byAction, byAgent, ruleNames, enabledRules };
}

/** CC6.7, CC7.2: the DLP rules in force and what they caught. */
export async function writeSoc2DlpSection(
  run: ReportRun,
  populations: Soc2Populations,
  counts: Awaited<ReturnType<typeof countSoc2Dlp>>,
): Promise<void> {
  const { output, agentFilter, agents } = run;
  const { byRule, bySeverity, byAction, byAgent, ruleNames, enabledRules } = counts;
  const rules = run.manifestOf(populations.dlpRules).rowCount;

  await output.startSection("dlp", {
    title: "DLP rule configurations and violations",
    description:
      "Every data-loss-prevention rule as configured at generation (rules are org-wide and listed whatever the agent " +
      "filter), violation counts by rule, severity, action taken and agent, and every violation detected in the period " +
      `(population). Excerpts are masked. ${agentFilter.note}`,
    criteria: ["CC6.7", "CC7.2"],
    summary: {
      rules,
      enabledRules,
      violations: run.manifestOf(populations.dlpViolations).rowCount,
    },
  });
  await writePopulationTable({
    ...run,
    table: "rules",
    source: populations.dlpRules,
    manifest: run.manifestOf(populations.dlpRules),
    toRow: (rule) => ({
      rule_id: rule.id,
      rule_name: rule.name,
      detector: rule.detector,
      pattern: rule.pattern,
      severity: rule.severity,
      rule_action: rule.action,
      enabled: rule.enabled,
      created_at: rule.createdAt.toISOString(),
      updated_at: rule.updatedAt.toISOString(),
    }),
  });
  await output.writeTable(
    "violations_by_rule",
    byRule.map((group) => ({
      rule_id: group.ruleId,
      rule_name: ruleNames.get(String(group.ruleId)) ?? null,
      count: group.count,
    })),
  );
  await output.writeTable(
    "violations_by_severity",
    bySeverity.map((group) => ({ severity: group.severity, count: group.count })),
  );
  await output.writeTable(
    "violations_by_action",
    byAction.map((group) => ({ action_taken: group.actionTaken, count: group.count })),
  );
  await output.writeTable(
    "violations_by_agent",
    byAgent.map((group) => ({
      agent_id: group.agentId,
      agent_name: agents.nameOf(group.agentId),
      count: group.count,
    })),
  );
  await writePopulationTable({
    ...run,
    table: "violations",
    source: populations.dlpViolations,
    manifest: run.manifestOf(populations.dlpViolations),
    toRow: (violation) => ({
      occurred_at: violation.detectedAt.toISOString(),
      id: violation.id,
      rule_id: violation.ruleId,
      rule_name: violation.rule.name,
      severity: violation.severity,
      action_taken: violation.actionTaken,
      agent_id: violation.agentId,
      agent_name: agents.nameOf(violation.agentId),
      email_id: violation.emailId,
      // Stored excerpts are masked upstream; masking again keeps a raw value from ever reaching a report.
      excerpt: redactPersonalData(violation.excerpt),
    }),
  });
  await output.endSection();
}
