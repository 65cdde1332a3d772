// The one public shape of a report. Prisma rows never leave lib/ as they are:
// lease and attempt bookkeeping stays internal, artifacts appear only once the
// report is completed, and only those of the attempt that completed it.
import type { ReportType } from "@/lib/compliance/reports/registry";
import type { ReportScope } from "@/lib/compliance/reports/report-definition";
import type { StatementSummary } from "@/lib/compliance/requests/find-statement-summaries";
import type { ReportFormat, ReportStatus } from "@/lib/compliance/requests/schemas";
import {
  reportFailure,
  reportFailureMessages,
  type ReportFailure,
  type ReportFailureCode,
} from "@/lib/compliance/jobs/report-failure";

export const reportResponseSelect = {
  id: true,
  orgId: true,
  type: true,
  title: true,
  status: true,
  progress: true,
  scope: true,
  attempts: true,
  errorCode: true,
  createdAt: true,
  createdByType: true,
  createdById: true,
  createdByLabel: true,
  startedAt: true,
  completedAt: true,
  legalHold: true,
  purgedAt: true,
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
  errorCode: string | null;
  createdAt: Date;
  createdByType: string;
  createdById: string | null;
  createdByLabel: string;
  startedAt: Date | null;
  completedAt: Date | null;
  legalHold: boolean;
  purgedAt: Date | null;
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
  createdBy: { type: "user" | "api_key" | "schedule"; id: string | null; email: string | null; label: string };
  startedAt: string | null;
  completedAt: string | null;
  /** Why a failed report failed, in words for its readers; null unless failed. */
  error: string | null;
  /** The same reason as a stable code (see lib/compliance/jobs/report-failure.ts). */
  errorCode: ReportFailureCode | null;
  artifacts: Partial<Record<ReportFormat, ArtifactSummary>> | null;
  /** Which key signed the report's statement, and when; null until it completes. */
  statement: StatementSummary | null;
  legalHold: boolean;
  /** Completion plus the org's retention, for a completed report; null otherwise. */
  expiresAt: string | null;
  purgedAt: string | null;
};

const dayMs = 86_400_000;

export function toReportResponse(
  row: ReportResponseRow,
  statement: StatementSummary | null = null,
  retentionDays: number | null = null,
): ReportResponse {
  const isUser = row.createdByType === "user";
  // A purged report keeps its files' SHA-256 and its statement: the tombstone says what it held.
  const hasRecord = row.status === "completed" || row.status === "purged";
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
      type: isUser ? "user" : row.createdByType === "schedule" ? "schedule" : "api_key",
      id: row.createdById,
      email: isUser ? row.createdByLabel : null,
      label: row.createdByLabel,
    },
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    ...publicFailureOf(row),
    artifacts: hasRecord ? artifactsOf(row) : null,
    statement: hasRecord ? statement : null,
    legalHold: row.legalHold,
    expiresAt:
      row.status === "completed" && row.completedAt && retentionDays !== null
        ? new Date(row.completedAt.getTime() + retentionDays * dayMs).toISOString()
        : null,
    purgedAt: row.purgedAt?.toISOString() ?? null,
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

/**
 * The stored code's fixed message; the stored text is never echoed, so a row
 * failed before codes existed (its text may hold a database message) reads as
 * a generic failure.
 */
export function publicFailureOf(row: { status: string; errorCode: string | null }): {
  error: string | null;
  errorCode: ReportFailureCode | null;
} {
  if (row.status !== "failed") return { error: null, errorCode: null };
  const failure: ReportFailure =
    row.errorCode !== null && Object.hasOwn(reportFailureMessages, row.errorCode)
      ? reportFailure(row.errorCode as ReportFailureCode)
      : reportFailure("generation_failed");
  return { error: failure.message, errorCode: failure.code };
}
