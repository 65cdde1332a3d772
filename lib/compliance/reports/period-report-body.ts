// The body and scope of report types that cover a period with an optional
// agent filter (SOC2 Summary, Audit Summary): the seed body
// `{ orgId?, dateRange: { from, to }, agentIds? }`.
import { z } from "zod";
import { agentIdsField, dateRangeSchema, orgIdField } from "@/lib/compliance/reports/report-body-fields";

export const periodReportBodySchema = z.strictObject({
  orgId: orgIdField,
  dateRange: dateRangeSchema,
  agentIds: agentIdsField.optional(),
});
export type PeriodReportBody = z.output<typeof periodReportBodySchema>;

/** As stored: the period and the agents it is limited to (none: every agent). */
export const periodScopeSchema = z.object({
  dateRange: z.object({ from: z.string(), to: z.string() }),
  agentIds: z.array(z.string()).default([]),
});
export type PeriodScope = z.output<typeof periodScopeSchema>;

export function toPeriodScope(body: PeriodReportBody): PeriodScope {
  return { agentIds: body.agentIds ?? [], dateRange: { from: body.dateRange.from, to: body.dateRange.to } };
}
