// The caller's completed report, or the answer a download gets instead: 404
// for another org's or a missing report (and, for a share link, any report but
// its own), 409 for a failed or unfinished one, 410 for one purged after its retention.
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";
import { databaseOf, type ReportReadContext } from "@/lib/compliance/requests/compliance-context";
import { publicFailureOf } from "@/lib/compliance/requests/to-report-response";

export type DownloadableReport = { id: string; type: string; title: string; attempts: number };

export async function findDownloadableReport(ctx: ReportReadContext, reportId: string): Promise<DownloadableReport> {
  if (ctx.identity.kind === "share_link" && ctx.identity.reportId !== reportId) throw notFound("Report");
  const report = await databaseOf(ctx).report.findFirst({
    where: { id: reportId, orgId: ctx.identity.orgId },
    select: { id: true, type: true, title: true, status: true, attempts: true, errorCode: true, purgedAt: true },
  });
  if (!report) throw notFound("Report");
  if (report.status === "purged") {
    throw new AppError(
      "gone",
      "The report's files were purged after the organization's retention period; its record, SHA-256s and signed statement remain",
      { status: report.status, purgedAt: report.purgedAt?.toISOString() ?? null },
    );
  }
  if (report.status === "failed") {
    const failure = publicFailureOf(report);
    throw new AppError("conflict", `The report failed and has nothing to download: ${failure.error}`, {
      status: report.status,
      reason: failure.errorCode,
    });
  }
  if (report.status !== "completed") {
    throw new AppError("conflict", "The report is still being generated; download it once its status is completed", {
      status: report.status,
    });
  }
  return { id: report.id, type: report.type, title: report.title, attempts: report.attempts };
}

/** Whether the report is still there: a download that lost its chunks tells "deleted" (404) from "broken" (500) by it. */
export async function reportStillExists(ctx: ReportReadContext, reportId: string): Promise<boolean> {
  const found = await databaseOf(ctx).report.findFirst({
    where: { id: reportId, orgId: ctx.identity.orgId },
    select: { id: true },
  });
  return found !== null;
}
