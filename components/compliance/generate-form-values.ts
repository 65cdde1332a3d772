// The Generate form's values, their defaults (last 30 days) and a prefill from an existing report.
import type { ReportResource, ReportType } from "@/components/compliance/report-resource";

export type GenerateFormValues = { type: ReportType; from: string; to: string; agentIds: string[] };

/** Today as a whole UTC day, the unit report scopes are in. */
function utcDay(offsetDays: number, now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays));
  return day.toISOString().slice(0, 10);
}

/** The last 30 days, today included (dates are inclusive). */
export function defaultGenerateFormValues(now: Date = new Date()): GenerateFormValues {
  return { type: "soc2", from: utcDay(-29, now), to: utcDay(0, now), agentIds: [] };
}

/** The form as it was for `report`, for Regenerate. */
export function generateFormValuesFor(report: Pick<ReportResource, "type" | "scope">, now: Date = new Date()) {
  const defaults = defaultGenerateFormValues(now);
  return {
    type: report.type,
    from: report.scope.dateRange?.from ?? defaults.from,
    to: report.scope.dateRange?.to ?? defaults.to,
    agentIds: [...report.scope.agentIds],
  } satisfies GenerateFormValues;
}
