// SOC2 Summary as a report type: a period, optionally limited to several agents.
import { buildReportTitle } from "@/lib/compliance/reports/build-report-title";
import { maxAgentIds, maxRangeYears } from "@/lib/compliance/reports/report-body-fields";
import { periodReportBodySchema, periodScopeSchema, toPeriodScope } from "@/lib/compliance/reports/period-report-body";
import { defineReportType } from "@/lib/compliance/reports/report-type-definition";
import { soc2SummaryReport } from "./soc2-summary-report";

const label = "SOC2 Summary";

export const soc2ReportType = defineReportType({
  type: "soc2",
  label,
  badge: "SOC2",
  tone: "sky",
  description:
    "Security controls for SOC2 auditors: access and authentication, agent boundaries, DLP, vault access, database queries, admin actions.",
  form: [
    { kind: "period", name: "dateRange", maxYears: maxRangeYears },
    {
      kind: "agents",
      name: "agentIds",
      isRequired: false,
      max: maxAgentIds,
      help: "Optional: tick agents to limit every section to them. None ticked covers every agent.",
    },
  ],
  bodySchema: periodReportBodySchema,
  scopeSchema: periodScopeSchema,
  toScope: toPeriodScope,
  agentsField: "agentIds",
  title: (scope, agentNames) => buildReportTitle(label, scope, agentNames),
  csvColumns: soc2SummaryReport.csvColumns,
  build: (ctx, output) => soc2SummaryReport.build(ctx, output),
});
