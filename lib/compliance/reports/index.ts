// The builder of each registered report type, keyed by type, for the engine
// (the report worker passes these to runReportJob).
import type { ReportDefinition } from "@/lib/compliance/reports/report-definition";
import { reportTypeRegistry, type ReportType } from "@/lib/compliance/reports/registry";

export const reportDefinitions = {} as Record<ReportType, ReportDefinition>;
for (const definition of reportTypeRegistry) reportDefinitions[definition.type] = definition;
