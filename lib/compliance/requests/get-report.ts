// One report of the caller's org; another org's id is as missing as an unknown one.
import { notFound } from "@/lib/errors/not-found";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";

export async function getReport(ctx: ComplianceContext, reportId: string): Promise<ReportResponse> {
  const report = await databaseOf(ctx).report.findFirst({
    where: { id: reportId, orgId: ctx.identity.orgId },
    select: reportResponseSelect,
  });
  if (!report) throw notFound("Report");
  return toReportResponse(report);
}
