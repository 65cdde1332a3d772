// The report types as the client presents them: the server's catalogue
// (lib/compliance/requests/list-report-types.ts, from the registry), handed
// down by the page. Labels and form fields exist only there.
import type { ReportTypeCatalogue, ReportTypeSummary } from "@/lib/compliance/requests/list-report-types";

export type { ReportTypeCatalogue };
export type ReportTypeOption = ReportTypeSummary;
export type ReportFormField = ReportTypeSummary["form"][number];

/** Undefined for a type this server no longer generates (old rows in the history). */
export function findReportTypeOption(catalogue: ReportTypeCatalogue, type: string): ReportTypeOption | undefined {
  return catalogue.find((option) => option.type === type);
}
