// Queues the `dsar` report of one request through the engine's one create
// path, which audits it and links it to the request (the type's onQueued).
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
  return report;
}
