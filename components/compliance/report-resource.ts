// The report resource as the compliance API returns it (GET /reports, /reports/:id, POST 202).
import type { ReportType } from "@/lib/compliance/report-definition";

export type { ReportType };
export type ReportStatus = "pending" | "completed" | "failed";

export type ReportScopeResource = {
  dateRange?: { from: string; to: string };
  agentIds: string[];
};

export type ReportArtifactResource = {
  format: "json" | "csv";
  byteSize: number;
  sha256: string | null;
};

export type ReportResource = {
  id: string;
  orgId: string;
  type: ReportType;
  title: string;
  status: ReportStatus;
  progress: number;
  scope: ReportScopeResource;
  createdAt: string;
  createdBy: { id: string | null; email: string };
  completedAt: string | null;
  error: string | null;
  artifacts?: ReportArtifactResource[];
};

export type ReportListPage = { reports: ReportResource[]; nextCursor: string | null };

export const complianceApiBase = "/api/engine/compliance";

export function reportDownloadUrl(id: string, format: "json" | "csv"): string {
  return `${complianceApiBase}/reports/${encodeURIComponent(id)}/download?format=${format}`;
}
