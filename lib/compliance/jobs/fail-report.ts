// Marks a report failed with its public reason (fail closed: a report that
// could not be built whole is never offered as if it were). Fenced like every
// worker write. The caller logs the underlying error.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { reportWorkerActor } from "@/lib/compliance/jobs/complete-report";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import type { ReportFailure } from "@/lib/compliance/jobs/report-failure";
import type { Database } from "@/lib/db";

export async function failReport(db: Database, lease: ReportLease, failure: ReportFailure): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: leaseWhere(lease),
      data: {
        status: "failed",
        errorCode: failure.code,
        error: failure.message,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    });
    if (count === 0) throw new LeaseLostError(lease.reportId);
    await deleteArtifacts(tx, lease.reportId);
    const report = await tx.report.findUniqueOrThrow({
      where: { id: lease.reportId },
      select: { orgId: true, type: true },
    });
    await recordAuditEvent(
      {
        orgId: report.orgId,
        ...reportWorkerActor,
        action: "compliance.report_failed",
        category: "compliance",
        targetType: "report",
        targetId: lease.reportId,
        outcome: "failure",
        metadata: { type: report.type, attempt: lease.attempt, reason: failure.code },
      },
      tx,
    );
  });
}
