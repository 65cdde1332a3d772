import { countDenialsByAgentAndReason } from "../count-denials-by-agent-and-reason";
import { auditEventDayColumn, toDayCounts } from "../audit-event-day-column";
import { countPopulationGroupSets } from "../count-population-group-sets";
import type { ReportRun } from "../start-report-run";
import { auditEventRowJson } from "../audit-event-row-json";
import { toAuditEventRow } from "../to-audit-event-row";
import { writePopulationTable } from "../write-population-table";
import type { Soc2Populations } from "./plan-soc2-populations";

/** The section's database counts (queried ahead of the section). */
export async function countSoc2AgentEnforcement(run: ReportRun, populations: Soc2Populations) {
  const { db } = run;
  const events = populations.enforcementEvents;
  const denials = await countDenialsByAgentAndReason(db, events);
  const [byOutcome, days] = await countPopulationGroupSets(db, events, [["action", "outcome"], ["day"]], {
    derived: auditEventDayColumn(db),
  });
  return { denials, byOutcome, byDay: toDayCounts(days) };
}

/** CC6.6, CC6.7, CC7.2: what the boundaries stopped — denied agent actions by agent and reason. */
export async function writeSoc2AgentEnforcementSection(
  run: ReportRun,
  populations: Soc2Populations,
  { denials, byOutcome, byDay }: Awaited<ReturnType<typeof countSoc2AgentEnforcement>>,
): Promise<void> {
  const { output, agentFilter, agents } = run;

  await output.startSection("agent_enforcement", {
    title: "Agent boundary enforcement",
    description:
      "Actions the platform denied because they fell outside an agent's boundaries (tools not allowed, recipients " +
      "outside the allowed domains, send limits), counted by agent and reason, with every enforcement event in the " +
      `period (population). ${agentFilter.note}`,
    criteria: ["CC6.6", "CC6.7", "CC7.2"],
    summary: {
      enforcementEvents: byOutcome.reduce((sum, group) => sum + group.count, 0),
      denied: byOutcome.filter((group) => group.outcome === "denied").reduce((sum, group) => sum + group.count, 0),
      agentsWithDenials: new Set(denials.map((denial) => denial.agentId)).size,
    },
  });
  await output.writeTable(
    "denials_by_agent_and_reason",
    denials.map((denial) => ({
      agent_id: denial.agentId,
      agent_name: agents.nameOf(denial.agentId),
      reason: denial.reason,
      count: denial.count,
    })),
  );
  await output.writeTable("counts_by_day", byDay);
  await writePopulationTable({
    ...run,
    table: "events",
    source: populations.enforcementEvents,
    manifest: run.manifestOf(populations.enforcementEvents),
    toRow: (event) => toAuditEventRow(event, agents),
    rowJson: auditEventRowJson(agents),
  });
  await output.endSection();
}
