// GDPR Export as a report type: exactly one agent, all time. The seed body is
// `{ orgId?, agentId }`; the stored scope keeps the agent as `agentIds: [id]`,
// like every other type, so the engine's agent filter applies unchanged.
import { z } from "zod";
import { buildReportTitle } from "@/lib/compliance/reports/build-report-title";
import { orgIdField } from "@/lib/compliance/reports/report-body-fields";
import { defineReportType } from "@/lib/compliance/reports/report-type-definition";
import { gdprExportReport } from "./gdpr-export-report";

const label = "GDPR Export";
const oneAgentMessage = "A GDPR export covers exactly one agent";

export const gdprReportBodySchema = z.strictObject({
  orgId: orgIdField,
  agentId: z
    .string({
      error: (issue) => (issue.input === undefined ? "A GDPR export needs `agentId`" : "agentId must be a string"),
    })
    .trim()
    .min(1, "A GDPR export needs `agentId`")
    .max(100),
});
export type GdprReportBody = z.output<typeof gdprReportBodySchema>;

export const gdprScopeSchema = z.object({ agentIds: z.array(z.string()).length(1, oneAgentMessage) });
export type GdprScope = z.output<typeof gdprScopeSchema>;

export const gdprReportType = defineReportType({
  type: "gdpr",
  label,
  badge: "GDPR",
  tone: "violet",
  description:
    "Everything one agent processed: its emails, personal data detected in them, DLP violations, processing activities, third-party sharing.",
  form: [
    {
      kind: "agent",
      name: "agentId",
      isRequired: true,
      help: "Tip: GDPR exports require selecting a specific agent because the report is about data processed by that agent. You cannot generate a GDPR export for “all agents” — create one per agent as needed.",
      isHelpProminent: true,
      requiredMessage: "Select an agent: a GDPR export covers exactly one agent.",
    },
  ],
  bodySchema: gdprReportBodySchema,
  scopeSchema: gdprScopeSchema,
  toScope: (body: GdprReportBody): GdprScope => ({ agentIds: [body.agentId] }),
  agentsField: "agentId",
  title: (scope, agentNames) => buildReportTitle(label, scope, agentNames),
  csvColumns: gdprExportReport.csvColumns,
  build: (ctx, output) => gdprExportReport.build(ctx, output),
});
