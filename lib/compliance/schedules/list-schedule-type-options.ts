// The report types a schedule may run, as the schedules page offers them (plain data for the client).
import { reportTypeRegistry, type ReportType } from "@/lib/compliance/reports/registry";
import { isSchedulableReportType } from "@/lib/compliance/schedules/schedulable-report-types";

export function listScheduleTypeOptions(): { type: ReportType; label: string }[] {
  return reportTypeRegistry
    .filter((definition) => isSchedulableReportType(definition))
    .map((definition) => ({ type: definition.type, label: definition.label }));
}
