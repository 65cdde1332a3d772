// The report resource as the compliance API returns it (GET /reports, /reports/:id, POST 202):
// the server's own response types, imported as types only (nothing server-side reaches the bundle).
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportPage } from "@/lib/compliance/requests/list-reports";
import type { DownloadFormat, ReportFormat, ReportStatus } from "@/lib/compliance/requests/schemas";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";

export type { DownloadFormat, ReportFormat, ReportStatus, ReportType };
export type ReportResource = ReportResponse;
export type ReportListPage = ReportPage;

export { reportFormats } from "@/lib/compliance/requests/report-formats";

export const complianceApiBase = "/api/engine/compliance";

export function reportStatementUrl(id: string): string {
  return `${complianceApiBase}/reports/${encodeURIComponent(id)}/statement`;
}

/** What the viewer shows: summaries, manifest, each table's first rows, row counts. */
export function reportPreviewUrl(id: string): string {
  return `${complianceApiBase}/reports/${encodeURIComponent(id)}/preview`;
}

/** A stored file (json, csv) or the evidence package (zip). */
export function reportDownloadUrl(id: string, format: DownloadFormat): string {
  return `${complianceApiBase}/reports/${encodeURIComponent(id)}/download?format=${format}`;
}
