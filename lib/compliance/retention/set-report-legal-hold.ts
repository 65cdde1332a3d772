// Puts a report on legal hold or releases it, audited. A held report is never
// purged and cannot be deleted. A purged report has nothing left to hold (409).
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { getReport } from "@/lib/compliance/requests/get-report";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";

export async function setReportLegalHold(
  ctx: ComplianceContext,
  reportId: string,
  legalHold: boolean,
): Promise<ReportResponse> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: identity.orgId },
    select: { id: true, title: true, status: true, legalHold: true },
  });
  if (!report) throw notFound("Report");
  if (report.legalHold !== legalHold) {
    await db.$transaction(async (tx) => {
      // Conditional on not purged: a purge that committed meanwhile wins, and the hold is refused.
      const { count } = await tx.report.updateMany({
        where: { id: report.id, orgId: identity.orgId, status: { not: "purged" } },
        data: { legalHold },
      });
      if (count === 0) throw purgedConflict();
      await recordAuditEvent(
        {
          orgId: identity.orgId,
          ...describeActor(identity),
          ip: ctx.ip ?? null,
          action: legalHold ? "compliance.report_legal_hold_set" : "compliance.report_legal_hold_released",
          category: "compliance",
          targetType: "report",
          targetId: report.id,
          metadata: { title: report.title },
        },
        tx,
      );
    }, chainTransactionOptions);
  } else if (report.status === "purged") {
    throw purgedConflict();
  }
  return getReport(ctx, report.id);
}

function purgedConflict(): AppError {
  return new AppError("conflict", "The report's files were already purged; there is nothing left to hold", {
    status: "purged",
  });
}
