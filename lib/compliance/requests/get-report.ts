// One report of the caller's org; another org's id is as missing as an unknown one.
import { notFound } from "@/lib/errors/not-found";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { readReportRetentionDays } from "@/lib/compliance/retention/read-report-retention-days";
import { findStatementSummaries } from "@/lib/compliance/requests/find-statement-summaries";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";

export async function getReport(ctx: ComplianceContext, reportId: string): Promise<ReportResponse> {
  const db = databaseOf(ctx);
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: ctx.identity.orgId },
    select: reportResponseSelect,
  });
  if (!report) throw notFound("Report");
  const [statements, retentionDays] = await Promise.all([
    findStatementSummaries(db, ctx.identity.orgId, [report.id]),
    readReportRetentionDays(db, ctx.identity.orgId),
  ]);
  return toReportResponse(report, statements.get(report.id) ?? null, retentionDays);
}
