// The Generate form's values, their defaults (the catalogue's first type, last
// 30 days) and a prefill from an existing report. Each kind of form field keeps
// its value in one slot: a period in `from`/`to`, agent choices in `agentIds`.
import type { ReportResource, ReportType } from "@/components/compliance/report-resource";
import type { ReportTypeCatalogue } from "@/components/compliance/report-type-options";

export type GenerateFormValues = { type: ReportType; from: string; to: string; agentIds: string[] };

/** Today as a whole UTC day, the unit report scopes are in. */
function utcDay(offsetDays: number, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
  return day.toISOString().slice(0, 10);
}

/** The first type offered, over the last 30 days, today included (dates are inclusive). */
export function defaultGenerateFormValues(catalogue: ReportTypeCatalogue, now: Date = new Date()): GenerateFormValues {
  const first = catalogue[0];
  if (!first) throw new Error("The report-type catalogue is empty");
  return { type: first.type, from: utcDay(-29, now), to: utcDay(0, now), agentIds: [] };
}

/** The form as it was for `report`, for Regenerate. */
export function generateFormValuesFor(
  report: Pick<ReportResource, "type" | "scope">,
  now: Date = new Date(),
): GenerateFormValues {
  return {
    type: report.type,
    from: report.scope.dateRange?.from ?? utcDay(-29, now),
    to: report.scope.dateRange?.to ?? utcDay(0, now),
    agentIds: [...report.scope.agentIds],
  };
}
