// Audit Summary as a report type: a period, optionally limited to one agent.
import { buildReportTitle } from "@/lib/compliance/reports/build-report-title";
import { maxRangeYears } from "@/lib/compliance/reports/report-body-fields";
import { periodReportBodySchema, periodScopeSchema, toPeriodScope } from "@/lib/compliance/reports/period-report-body";
import { defineReportType } from "@/lib/compliance/reports/report-type-definition";
import { auditSummaryReport } from "./audit-summary-report";

const label = "Audit Summary";

export const auditReportType = defineReportType({
  type: "audit",
  label,
  badge: "AUDIT",
  tone: "amber",
  description:
    "Administrative actions over a period: users and permissions, sign-ins, agent configuration, secrets and vault access, DLP rules, system settings, database queries.",
  form: [
    { kind: "period", name: "dateRange", maxYears: maxRangeYears },
    {
      kind: "agents",
      name: "agentIds",
      isRequired: false,
      // The seed body takes a list; the form offers one agent, as the seed page does.
      max: 1,
      help: "Optional: filter the summary to one agent. Leave “All agents” for the whole organization.",
      tooManyMessage: "An Audit Summary can be scoped to one agent.",
    },
  ],
  bodySchema: periodReportBodySchema,
  scopeSchema: periodScopeSchema,
  toScope: toPeriodScope,
  agentsField: "agentIds",
  title: (scope, agentNames) => buildReportTitle(label, scope, agentNames),
  csvColumns: auditSummaryReport.csvColumns,
  build: (ctx, output) => auditSummaryReport.build(ctx, output),
});
