// Agent Inventory: every agent of the org (or the selected ones) with its
// permission boundaries as configured when the report is generated.
import type { ReportDefinition, ReportRow } from "@/lib/compliance/reports/report-definition";
import { toJsonValue } from "../to-json-value";

export const agentInventoryReport: ReportDefinition = {
  type: "agent-inventory",
  csvColumns: [
    "agent_id",
    "name",
    "email_address",
    "status",
    "allowed_tools",
    "allowed_recipient_domains",
    "daily_send_limit",
    "created_at",
    "updated_at",
  ],
  async build(ctx, output) {
    const { db, report } = ctx;
    const { agentIds } = report.scope;
    const agents = await db.agent.findMany({
      where: { orgId: report.orgId, ...(agentIds.length > 0 ? { id: { in: agentIds } } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        emailAddress: true,
        status: true,
        allowedTools: true,
        allowedRecipientDomains: true,
        dailySendLimit: true,
        createdAt: true,
        updatedAt: true,
      },
    });
    const edge = (agent: (typeof agents)[number] | undefined) =>
      agent ? { at: agent.createdAt.toISOString(), id: agent.id } : null;
    await output.writeManifest([
      {
        source: "agents",
        filter: `orgId = ${report.orgId}${agentIds.length > 0 ? `, id in (${agentIds.join(", ")})` : ""}`,
        rowCount: agents.length,
        first: edge(agents[0]),
        last: edge(agents.at(-1)),
      },
    ]);
    ctx.checkpoint();
    await output.startSection("agents", {
      title: "Agents",
      description: "Each agent and the boundaries it runs within, as configured at generation.",
      criteria: [],
      summary: { agents: agents.length },
    });
    const rows: ReportRow[] = agents.map((agent) => ({
      agent_id: agent.id,
      name: agent.name,
      email_address: agent.emailAddress,
      status: agent.status,
      allowed_tools: toJsonValue(agent.allowedTools),
      allowed_recipient_domains: toJsonValue(agent.allowedRecipientDomains),
      daily_send_limit: agent.dailySendLimit,
      created_at: agent.createdAt.toISOString(),
      updated_at: agent.updatedAt.toISOString(),
    }));
    await output.writeTable("agents", rows);
    await output.endSection();
  },
};
