// What the report viewer shows of a completed report: its preview (summaries,
// manifest, each table's first rows, every table's row count and rows per
// day), stored at generation and served as stored. A report completed before
// previews were stored has its JSON read once into one, which is kept.
// Viewing is audited like a download: the preview holds the first rows.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { ArtifactGoneError, readArtifactBytes } from "@/lib/compliance/artifacts/read-artifact-bytes";
import { readReportPreview } from "@/lib/compliance/preview/read-report-preview";
import { previewRowsPerTable } from "@/lib/compliance/preview/report-preview";
import { storeReportPreview } from "@/lib/compliance/preview/store-report-preview";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import {
  findDownloadableReport,
  reportStillExists,
  type DownloadableReport,
} from "@/lib/compliance/requests/find-downloadable-report";
import { notFound } from "@/lib/errors/not-found";

export type ReportPreviewResponse = { content: string; headers: Record<string, string> };

export async function getReportPreview(ctx: ComplianceContext, reportId: string): Promise<ReportPreviewResponse> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const report = await findDownloadableReport(ctx, reportId);
  const stored = await db.reportPreview.findUnique({
    where: { reportId: report.id },
    select: { attempt: true, content: true },
  });
  const content = stored?.attempt === report.attempts ? stored.content : await previewFromArtifact(ctx, report);
  await recordAuditEvent(
    {
      orgId: identity.orgId,
      ...describeActor(identity),
      ip: ctx.ip ?? null,
      action: "compliance.report_viewed",
      category: "compliance",
      targetType: "report",
      targetId: report.id,
      metadata: { via: identity.kind === "session" ? "session" : "api_key" },
    },
    db,
  );
  return {
    content,
    headers: {
      "content-type": "application/json; charset=utf-8",
      // Holds personal data, like the downloads.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  };
}

async function previewFromArtifact(ctx: ComplianceContext, report: DownloadableReport): Promise<string> {
  const db = databaseOf(ctx);
  const artifact = await db.reportArtifact.findUnique({
    where: { reportId_format_attempt: { reportId: report.id, format: "json", attempt: report.attempts } },
    select: { id: true, byteSize: true, sha256: true, chunkCount: true },
  });
  try {
    if (!artifact?.sha256) throw new ArtifactGoneError(`Completed report ${report.id} has no json artifact`);
    const preview = await readReportPreview(readArtifactBytes(db, artifact), { maxRowsPerTable: previewRowsPerTable });
    await storeReportPreview(db, { reportId: report.id, attempt: report.attempts }, preview);
    return JSON.stringify(preview);
  } catch (error) {
    // Deleted meanwhile: the report is gone, not broken.
    if (!(await reportStillExists(ctx, report.id))) throw notFound("Report");
    throw error;
  }
}
