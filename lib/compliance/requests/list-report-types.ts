// The report-type catalogue as the client and API consumers see it: what each
// type is called and what its request asks for. Plain data, no schemas or builders.
import { reportTypeRegistry, type ReportType } from "@/lib/compliance/reports/registry";
import type { ReportFormField, ReportTypeTone } from "@/lib/compliance/reports/report-type-definition";

export type ReportTypeSummary = {
  type: ReportType;
  label: string;
  badge: string;
  tone: ReportTypeTone;
  description: string;
  form: readonly ReportFormField[];
};

export type ReportTypeCatalogue = readonly ReportTypeSummary[];

export function listReportTypes(): ReportTypeCatalogue {
  return reportTypeRegistry.map(({ type, label, badge, tone, description, form }) => ({
    type,
    label,
    badge,
    tone,
    description,
    form,
  }));
}
