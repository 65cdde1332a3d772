// One report of the caller's org; another org's id is as missing as an unknown one.
import { notFound } from "@/lib/api/app-error";
import type { Identity } from "@/lib/auth/identity";
import { reportResponseSelect, toReportResponse, type ReportResponse } from "@/lib/compliance/to-report-response";
import type { Database } from "@/lib/db";

export async function getReport(db: Database, identity: Identity, reportId: string): Promise<ReportResponse> {
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: identity.orgId },
    select: reportResponseSelect,
  });
  if (!report) throw notFound("Report");
  return toReportResponse(report);
}
