// Queues the `dsar` report of one request (through the engine's one create
// path, which audits it) and remembers it on the request, so the requests
// page links to the latest one.
import { createReport } from "@/lib/compliance/requests/create-report";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";
import { notFound } from "@/lib/errors/not-found";
import { privacyDatabaseOf, type PrivacyContext } from "./privacy-context";

export async function generateDataSubjectReport(ctx: PrivacyContext, requestId: string): Promise<ReportResponse> {
  const db = privacyDatabaseOf(ctx);
  const request = await db.dataSubjectRequest.findFirst({
    where: { id: requestId, orgId: ctx.identity.orgId },
    select: { id: true },
  });
  if (!request) throw notFound("Data-subject request");
  const { report } = await createReport(ctx, "dsar", { requestId: request.id });
  await db.dataSubjectRequest.updateMany({
    where: { id: request.id, orgId: ctx.identity.orgId },
    data: { lastReportId: report.id },
  });
  return report;
}
