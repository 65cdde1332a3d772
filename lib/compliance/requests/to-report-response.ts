// The one public shape of a report. Prisma rows never leave lib/ as they are:
// lease and attempt bookkeeping stays internal, artifacts appear only once the
// report is completed, and only those of the attempt that completed it.
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportScope } from "@/lib/compliance/reports/report-definition";
import type { StatementSummary } from "@/lib/compliance/requests/find-statement-summaries";
import type { ReportFormat, ReportStatus } from "@/lib/compliance/requests/schemas";

export const reportResponseSelect = {
  id: true,
  orgId: true,
  type: true,
  title: true,
  status: true,
  progress: true,
  scope: true,
  attempts: true,
  error: true,
  createdAt: true,
  createdByType: true,
  createdById: true,
  createdByLabel: true,
  startedAt: true,
  completedAt: true,
  artifacts: { select: { attempt: true, format: true, byteSize: true, sha256: true } },
} as const;

export type ReportResponseRow = {
  id: string;
  orgId: string;
  type: string;
  title: string;
  status: string;
  progress: number;
  scope: unknown;
  attempts: number;
  error: string | null;
  createdAt: Date;
  createdByType: string;
  createdById: string | null;
  createdByLabel: string;
  startedAt: Date | null;
  completedAt: Date | null;
  artifacts: { attempt: number; format: string; byteSize: number; sha256: string | null }[];
};

export type ArtifactSummary = { byteSize: number; sha256: string };

export type ReportResponse = {
  id: string;
  orgId: string;
  type: ReportType;
  title: string;
  status: ReportStatus;
  progress: number;
  scope: ReportScope;
  createdAt: string;
  createdBy: { type: "user" | "api_key"; id: string | null; email: string | null; label: string };
  startedAt: string | null;
  completedAt: string | null;
  error: string | null;
  artifacts: Partial<Record<ReportFormat, ArtifactSummary>> | null;
  /** Which key signed the report's statement, and when; null until it completes. */
  statement: StatementSummary | null;
};

export function toReportResponse(row: ReportResponseRow, statement: StatementSummary | null = null): ReportResponse {
  const isUser = row.createdByType === "user";
  return {
    id: row.id,
    orgId: row.orgId,
    type: row.type as ReportType,
    title: row.title,
    status: row.status as ReportStatus,
    progress: row.progress,
    scope: row.scope as ReportScope,
    createdAt: row.createdAt.toISOString(),
    createdBy: {
      type: isUser ? "user" : "api_key",
      id: row.createdById,
      email: isUser ? row.createdByLabel : null,
      label: row.createdByLabel,
    },
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    error: row.error,
    artifacts: row.status === "completed" ? artifactsOf(row) : null,
    statement: row.status === "completed" ? statement : null,
  };
}

function artifactsOf(row: ReportResponseRow): Partial<Record<ReportFormat, ArtifactSummary>> {
  const artifacts: Partial<Record<ReportFormat, ArtifactSummary>> = {};
  for (const artifact of row.artifacts) {
    if (artifact.attempt !== row.attempts || !artifact.sha256) continue;
    artifacts[artifact.format as ReportFormat] = { byteSize: artifact.byteSize, sha256: artifact.sha256 };
  }
  return artifacts;
}
