// GET /share/:token — what the shared page shows: the report's header and
// scope, its stored files with their SHA-256, its signature and whether the
// files match it. Nothing of any other report. Each opening is counted on the
// link and is an audit event of the report's org.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { findReportType } from "@/lib/compliance/reports/registry";
import { parseStoredReportScope } from "@/lib/compliance/reports/parse-stored-report-scope";
import { databaseOf } from "@/lib/compliance/requests/compliance-context";
import { reportFormats, type ReportFormat } from "@/lib/compliance/requests/report-formats";
import { checkSharedReportIntegrity } from "@/lib/share-links/check-shared-report-integrity";
import { resolveShareLink } from "@/lib/share-links/resolve-share-link";
import type { SharedReportResponse } from "@/lib/share-links/schemas";
import type { ShareAccess } from "@/lib/share-links/share-access";
import { shareLinkGone } from "@/lib/share-links/share-link-gone";
import { shareLinkPath } from "@/lib/share-links/to-share-link-response";

export async function openSharedReport(access: ShareAccess): Promise<SharedReportResponse> {
  const db = databaseOf(access);
  const { link, reader } = await resolveShareLink(access, { page: true });
  const { orgId } = link;
  const report = await db.report.findFirst({
    where: { id: link.reportId, orgId, status: "completed" },
    select: {
      id: true,
      type: true,
      title: true,
      scope: true,
      attempts: true,
      createdAt: true,
      createdByLabel: true,
      completedAt: true,
      org: { select: { name: true } },
    },
  });
  // A deleted report revokes its links in the same transaction; this is the moment in between.
  if (!report) throw shareLinkGone("report_deleted");
  const [artifacts, statement] = await Promise.all([
    db.reportArtifact.findMany({
      where: { reportId: report.id, attempt: report.attempts, sha256: { not: null } },
      select: { format: true, byteSize: true, sha256: true },
    }),
    db.reportStatement.findFirst({
      where: { reportId: report.id, orgId },
      select: { kid: true, signedAt: true, sha256: true, jws: true },
    }),
  ]);
  const scope = parseStoredReportScope(report.type, report.scope);
  const agents = await db.agent.findMany({
    where: { orgId, id: { in: scope.agentIds } },
    select: { id: true, name: true },
  });
  const files = reportFormats.flatMap((format: ReportFormat) => {
    const artifact = artifacts.find((candidate) => candidate.format === format);
    return artifact?.sha256
      ? [{ format, byteSize: artifact.byteSize, sha256: artifact.sha256, url: downloadPath(access.token, format) }]
      : [];
  });
  const integrity = await checkSharedReportIntegrity(report.id, statement?.jws ?? null, files);

  const now = new Date();
  await db.$transaction(async (tx) => {
    // Counted only while the link is live: a revocation a moment ago wins.
    const { count } = await tx.shareLink.updateMany({
      where: { id: link.id, orgId, revokedAt: null, expiresAt: { gt: now } },
      data: { viewCount: { increment: 1 }, lastAccessedAt: now },
    });
    if (count === 0) throw shareLinkGone();
    await recordAuditEvent(
      {
        orgId,
        ...describeActor(reader),
        ip: access.ip,
        action: "share_link.opened",
        category: "compliance",
        targetType: "report",
        targetId: report.id,
        metadata: { shareLinkId: link.id, userAgent: access.userAgent },
      },
      tx,
    );
  }, chainTransactionOptions);

  return {
    shareLink: {
      id: link.id,
      label: link.label,
      expiresAt: link.expiresAt.toISOString(),
      maxDownloads: link.maxDownloads,
      downloadCount: link.downloadCount,
    },
    report: {
      id: report.id,
      type: report.type,
      typeLabel: findReportType(report.type)?.label ?? report.type,
      title: report.title,
      organization: report.org.name,
      period: scope.dateRange ? { from: scope.dateRange.from, to: scope.dateRange.to } : null,
      agents: scope.agentIds.map((id) => ({ id, name: agents.find((agent) => agent.id === id)?.name ?? id })),
      generatedBy: report.createdByLabel,
      requestedAt: report.createdAt.toISOString(),
      completedAt: report.completedAt?.toISOString() ?? null,
    },
    files,
    package: statement ? { url: downloadPath(access.token, "zip") } : null,
    signature: statement
      ? { kid: statement.kid, signedAt: statement.signedAt.toISOString(), statementSha256: statement.sha256 }
      : null,
    integrity,
  };
}

function downloadPath(token: string, format: string): string {
  return `${shareLinkPath(token)}/download?format=${format}`;
}
