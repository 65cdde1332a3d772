// Deletes a report and its stored bytes, and records who did. A worker still
// generating it loses its lease (its fenced writes find no row) and stops.
// Its share links are revoked in the same transaction.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { revokeReportShareLinks } from "@/lib/share-links/revoke-report-share-links";

export async function deleteReport(ctx: ComplianceContext, reportId: string): Promise<void> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: identity.orgId },
    select: { id: true, type: true, title: true, status: true, legalHold: true },
  });
  if (!report) throw notFound("Report");
  if (report.legalHold) {
    throw new AppError("conflict", "The report is on legal hold; release the hold before deleting it", {
      legalHold: true,
    });
  }
  // Writes come first inside the transaction: on SQLite a deferred transaction
  // that reads before writing can hit SQLITE_BUSY when a worker wrote meanwhile.
  await db.$transaction(async (tx) => {
    await deleteArtifacts(tx, report.id);
    // Fenced on the hold: a hold set since the check above keeps the report.
    const { count } = await tx.report.deleteMany({ where: { id: report.id, orgId: identity.orgId, legalHold: false } });
    if (count === 0) throw notFound("Report");
    const actor = { ...describeActor(identity), ip: ctx.ip ?? null };
    await revokeReportShareLinks(tx, { id: report.id, orgId: identity.orgId }, actor);
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...actor,
        action: "compliance.report_deleted",
        category: "compliance",
        targetType: "report",
        targetId: report.id,
        metadata: { type: report.type, title: report.title, status: report.status },
      },
      tx,
    );
  }, chainTransactionOptions);
}
