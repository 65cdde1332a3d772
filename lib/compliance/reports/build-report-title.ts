// The auto title of a report: type label, period and agent scope, e.g.
// "SOC2 Summary — 2026-01-01 to 2026-01-31 — all agents". Types compose their
// `title` from it (report-type-definition.ts).
import type { ReportScope } from "@/lib/compliance/reports/report-definition";

/** Agent names listed in full up to this many; beyond it the title counts them. */
const namedAgentLimit = 2;

export function buildReportTitle(label: string, scope: ReportScope, agentNames: string[]): string {
  const parts = [label];
  if (scope.dateRange) parts.push(`${scope.dateRange.from} to ${scope.dateRange.to}`);
  parts.push(describeAgents(agentNames));
  return parts.join(" — ");
}

function describeAgents(names: string[]): string {
  if (names.length === 0) return "all agents";
  if (names.length <= namedAgentLimit) return names.join(", ");
  const shown = names.slice(0, namedAgentLimit).join(", ");
  return `${shown} + ${names.length - namedAgentLimit} more agents`;
}
