// Data-subject access report as a report type: generated from one recorded
// data-subject request (lib/privacy), all agents, all time. The body names
// the request; the stored scope keeps it beside an empty agent list (every
// agent is searched), so the engine's agent checks have nothing to refuse.
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { orgIdField } from "@/lib/compliance/reports/report-body-fields";
import { defineReportType } from "@/lib/compliance/reports/report-type-definition";
import { dsarAccessReport, type DsarScope } from "./dsar-access-report";

const label = "Data-Subject Access";

export const dsarReportBodySchema = z.strictObject({
  orgId: orgIdField,
  requestId: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "A data-subject access report needs `requestId`" : "requestId must be a string",
    })
    .trim()
    .min(1, "A data-subject access report needs `requestId`")
    .max(100),
});
export type DsarReportBody = z.output<typeof dsarReportBodySchema>;

export const dsarScopeSchema = z.object({ agentIds: z.array(z.string()).length(0), requestId: z.string().min(1) });

export const dsarReportType = defineReportType({
  type: "dsar",
  label,
  badge: "DSAR",
  tone: "rose",
  description:
    "Everything about one person across all agents, for a data-subject access request: their emails with third-party data masked, personal data found, DLP events, the processing that applies and the Art. 15 information.",
  form: [{ kind: "data_subject_request", name: "requestId" }],
  bodySchema: dsarReportBodySchema,
  scopeSchema: dsarScopeSchema,
  toScope: (body: DsarReportBody): DsarScope => ({ agentIds: [], requestId: body.requestId }),
  agentsField: "requestId",
  async checkScope(scope, { db, orgId }) {
    const request = await db.dataSubjectRequest.findFirst({
      where: { id: scope.requestId, orgId },
      select: { id: true },
    });
    if (!request) {
      throw new AppError("validation_failed", "The request is invalid", {
        fields: { requestId: [`Unknown data-subject request in this organization: ${scope.requestId}`] },
      });
    }
  },
  // The requests page links each request to its latest report.
  async onQueued(scope, { tx, orgId, reportId }) {
    await tx.dataSubjectRequest.updateMany({
      where: { id: scope.requestId, orgId },
      data: { lastReportId: reportId },
    });
  },
  title: (scope: DsarScope) => `${label} — request ${scope.requestId}`,
  csvColumns: dsarAccessReport.csvColumns,
  build: (ctx, output) => dsarAccessReport.build(ctx, output),
});
