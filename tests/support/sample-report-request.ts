// A valid request for any registered report type, built only from what its
// form asks for, so tests that iterate the registry need no per-type cases.
import type { GenerateFormValues } from "@/components/compliance/generate-form-values";
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportFormField } from "@/lib/compliance/reports/report-type-definition";

/** A data-subject request id for types generated from one (it names no agent). */
export const sampleRequestId = "request-1";

export const samplePeriod = { from: "2026-01-01", to: "2026-01-31" };

/** The request body the seed documents for this form, with the given agents. */
export function sampleReportBody(form: readonly ReportFormField[], agentIds: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of form) {
    if (field.kind === "period") body[field.name] = { ...samplePeriod };
    else if (field.kind === "agent") body[field.name] = agentIds[0];
    else if (field.kind === "data_subject_request") body[field.name] = sampleRequestId;
    else body[field.name] = agentIds.slice(0, field.max);
  }
  return body;
}

/** The Generate form filled in for this type with the given agents. */
export function sampleFormValues(type: ReportType, agentIds: string[]): GenerateFormValues {
  return { type, ...samplePeriod, agentIds };
}
