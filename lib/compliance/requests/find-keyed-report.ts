// The report an Idempotency-Key already queued, if the key is still live: the
// same request answers it again; another request under the same key is a 422.
import type { ReportRequestKeyContext } from "@/lib/compliance/requests/create-report";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { requestKeyLifetimeMs } from "@/lib/compliance/requests/report-request-key";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";
import { AppError } from "@/lib/errors/app-error";

export async function findKeyedReport(
  ctx: ComplianceContext,
  keyed: ReportRequestKeyContext,
): Promise<ReportResponse | null> {
  const db = databaseOf(ctx);
  const orgId = ctx.identity.orgId;
  const stored = await db.reportRequestKey.findUnique({
    where: { orgId_caller_key: { orgId, caller: keyed.caller, key: keyed.key } },
    select: { requestHash: true, reportId: true, createdAt: true },
  });
  if (!stored || stored.createdAt.getTime() < Date.now() - requestKeyLifetimeMs) return null;
  if (stored.requestHash !== keyed.requestHash) {
    throw new AppError(
      "unprocessable",
      "This Idempotency-Key was already used with a different request; use a new key for a new report",
      { fields: { "Idempotency-Key": ["Already used with a different report type or body"] } },
    );
  }
  const report = await db.report.findFirst({ where: { id: stored.reportId, orgId }, select: reportResponseSelect });
  if (!report) {
    throw new AppError("conflict", "The report this Idempotency-Key queued has since been deleted; use a new key");
  }
  return toReportResponse(report);
}
