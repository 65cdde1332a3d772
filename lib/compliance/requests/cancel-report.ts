// Cancels a pending report: its status becomes "cancelled" and its stored
// partial files go, in one transaction with the record of who did it. A worker
// generating it loses its lease (every fenced write matches status pending) and
// stops at its next write, discarding what it had not stored.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import {
  reportResponseSelect,
  toReportResponse,
  type ReportResponse,
} from "@/lib/compliance/requests/to-report-response";
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";

export async function cancelReport(ctx: ComplianceContext, reportId: string): Promise<ReportResponse> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  // Writes come first inside the transaction (SQLite: a read before the first
  // write can fail when a worker commits in between).
  const cancelled = await db.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: { id: reportId, orgId: identity.orgId, status: "pending" },
      data: { status: "cancelled", completedAt: new Date(), leaseOwner: null, leaseExpiresAt: null },
    });
    if (count === 0) return null;
    await deleteArtifacts(tx, reportId);
    const report = await tx.report.findUniqueOrThrow({ where: { id: reportId }, select: reportResponseSelect });
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        ip: ctx.ip ?? null,
        action: "compliance.report_cancelled",
        category: "compliance",
        targetType: "report",
        targetId: reportId,
        metadata: { type: report.type, title: report.title, progress: report.progress },
      },
      tx,
    );
    return report;
  }, chainTransactionOptions);
  if (cancelled) return toReportResponse(cancelled);
  const existing = await db.report.findFirst({
    where: { id: reportId, orgId: identity.orgId },
    select: { status: true },
  });
  if (!existing) throw notFound("Report");
  throw new AppError("conflict", `Only a pending report can be cancelled; this one is ${existing.status}`, {
    status: existing.status,
  });
}
