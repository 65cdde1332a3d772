// Agent Inventory as a report type: no period, optionally limited to agents.
import { z } from "zod";
import { buildReportTitle } from "@/lib/compliance/reports/build-report-title";
import { agentIdsField, maxAgentIds, orgIdField } from "@/lib/compliance/reports/report-body-fields";
import { defineReportType } from "@/lib/compliance/reports/report-type-definition";
import { agentInventoryReport } from "./agent-inventory-report";

const label = "Agent Inventory";

const bodySchema = z.strictObject({ orgId: orgIdField, agentIds: agentIdsField.optional() });
const scopeSchema = z.object({ agentIds: z.array(z.string()).default([]) });

export const agentInventoryReportType = defineReportType({
  type: "agent-inventory",
  label,
  badge: "AGENTS",
  tone: "emerald",
  description: "Every agent and its permission boundaries (tools, recipient domains, send limit) as configured now.",
  form: [
    {
      kind: "agents",
      name: "agentIds",
      isRequired: false,
      max: maxAgentIds,
      help: "Optional: tick agents to list only them. None ticked lists every agent.",
    },
  ],
  bodySchema,
  scopeSchema,
  toScope: (body) => ({ agentIds: body.agentIds ?? [] }),
  agentsField: "agentIds",
  title: (scope, agentNames) => buildReportTitle(label, scope, agentNames),
  csvColumns: agentInventoryReport.csvColumns,
  build: (ctx, output) => agentInventoryReport.build(ctx, output),
});
