import { countPopulationGroups } from "../count-population-groups";
import type { ReportRun } from "../start-report-run";
import { auditEventRowJson } from "../audit-event-row-json";
import { toAuditEventRow } from "../to-audit-event-row";
import { toJsonValue } from "../to-json-value";
import { writePopulationTable } from "../write-population-table";
import type { Soc2Populations } from "./plan-soc2-populations";

/** The section's database counts (queried ahead of the section). */
export async function countSoc2AgentBoundaries(run: ReportRun, populations: Soc2Populations) {
  const changesByAgent = await countPopulationGroups(run.db, populations.agentConfigEvents, ["agentId", "action"]);
  return { changesByAgent };
}

/** CC6.1, CC6.3, CC8.1: what each agent may do, and every change to that in the period. */
export async function writeSoc2AgentBoundariesSection(
  run: ReportRun,
  populations: Soc2Populations,
  { changesByAgent }: Awaited<ReturnType<typeof countSoc2AgentBoundaries>>,
): Promise<void> {
  const { output, agentFilter, agents } = run;
  const agentCount = run.manifestOf(populations.agents).rowCount;

  await output.startSection("agent_boundaries", {
    title: "Agent permission boundaries",
    description:
      "Each in-scope agent's permission boundaries as they stand at generation (allowed tools, allowed recipient " +
      "domains, daily send limit, status), and every agent configuration event in the period with its before and " +
      `after values (population). ${agentFilter.note}`,
    criteria: ["CC6.1", "CC6.3", "CC8.1"],
    summary: {
      agentsInScope: agentCount,
      configurationEvents: changesByAgent.reduce((sum, group) => sum + group.count, 0),
    },
  });
  await writePopulationTable({
    ...run,
    table: "agents",
    source: populations.agents,
    manifest: run.manifestOf(populations.agents),
    toRow: (agent) => ({
      agent_id: agent.id,
      agent_name: agent.name,
      email_address: agent.emailAddress,
      status: agent.status,
      allowed_tools: toJsonValue(agent.allowedTools),
      allowed_recipient_domains: toJsonValue(agent.allowedRecipientDomains),
      daily_send_limit: agent.dailySendLimit,
      created_at: agent.createdAt.toISOString(),
      updated_at: agent.updatedAt.toISOString(),
    }),
  });
  await output.writeTable(
    "changes_by_agent",
    changesByAgent.map((group) => ({
      agent_id: group.agentId,
      agent_name: agents.nameOf(group.agentId),
      action: group.action,
      count: group.count,
    })),
  );
  await writePopulationTable({
    ...run,
    table: "events",
    source: populations.agentConfigEvents,
    manifest: run.manifestOf(populations.agentConfigEvents),
    toRow: (event) => toAuditEventRow(event, agents),
    rowJson: auditEventRowJson(agents),
  });
  await output.endSection();
}
