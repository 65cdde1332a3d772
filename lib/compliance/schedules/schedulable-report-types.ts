// Which report types a schedule may run: the registry's types whose form asks
// for a period (a scheduled run fills the period in), and how a run's request
// body is written for such a type, through the field names its form declares.
import { reportTypeRegistry, type RegisteredReportType, type ReportType } from "@/lib/compliance/reports/registry";
import type { ReportRequestBody } from "@/lib/compliance/reports/report-type-definition";

export function isSchedulableReportType(definition: RegisteredReportType): boolean {
  return definition.form.some((field) => field.kind === "period");
}

export const schedulableReportTypes = reportTypeRegistry
  .filter((definition) => isSchedulableReportType(definition))
  .map((definition) => definition.type) as [ReportType, ...ReportType[]];

/** The body a run of `definition` sends for one period and the schedule's agents, as POST /reports/:type takes it. */
export function scheduledRunBody(
  definition: RegisteredReportType,
  period: { from: string; to: string },
  agentIds: readonly string[],
): ReportRequestBody {
  const periodField = definition.form.find((field) => field.kind === "period");
  if (!periodField) throw new Error(`Report type ${definition.type} has no period to schedule`);
  const body: ReportRequestBody = { [periodField.name]: { from: period.from, to: period.to } };
  if (agentIds.length > 0) body[definition.agentsField] = [...agentIds];
  return body;
}
