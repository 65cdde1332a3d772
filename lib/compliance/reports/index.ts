// The contents of each report type, registered for the engine.
import type { ReportDefinition, ReportType } from "@/lib/compliance/reports/report-definition";
import { auditSummaryReport } from "./audit/audit-summary-report";
import { gdprExportReport } from "./gdpr/gdpr-export-report";
import { soc2SummaryReport } from "./soc2/soc2-summary-report";

export const reportDefinitions: Record<ReportType, ReportDefinition> = {
  soc2: soc2SummaryReport,
  gdpr: gdprExportReport,
  audit: auditSummaryReport,
};
