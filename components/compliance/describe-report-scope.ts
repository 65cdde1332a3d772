// A report's Period and Scope as the list shows them: "2026-01-01 – 2026-01-31"
// (whole UTC days, both included) and the agents by name ("All agents" when none
// was chosen). A GDPR export has no period: it covers everything on record.
import type { ReportResource } from "@/components/compliance/report-resource";

export function describeReportPeriod(scope: ReportResource["scope"]): string {
  return scope.dateRange ? `${scope.dateRange.from} – ${scope.dateRange.to}` : "All records";
}

/** `names` maps agent ids to names; an agent no longer listed shows by id. */
export function describeReportAgents(scope: ReportResource["scope"], names: ReadonlyMap<string, string>): string {
  if (scope.agentIds.length === 0) return "All agents";
  return scope.agentIds.map((id) => names.get(id) ?? id).join(", ");
}
