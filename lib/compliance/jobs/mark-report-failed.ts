// The one way a report becomes failed: a conditional update (the caller's
// fence), its stored files removed and the public reason audited, all in the
// caller's transaction. Returns false when the condition matched no row.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { reportWorkerActor } from "@/lib/compliance/jobs/report-worker-actor";
import type { ReportFailure } from "@/lib/compliance/jobs/report-failure";
import type { Prisma } from "@/lib/generated/sqlite/client";

export async function markReportFailed(
  tx: Prisma.TransactionClient,
  where: Prisma.ReportWhereInput & { id: string },
  { attempt, failure }: { attempt: number; failure: ReportFailure },
): Promise<boolean> {
  const { count } = await tx.report.updateMany({
    where,
    data: { status: "failed", errorCode: failure.code, error: failure.message, leaseOwner: null, leaseExpiresAt: null },
  });
  if (count === 0) return false;
  await deleteArtifacts(tx, where.id);
  const report = await tx.report.findUniqueOrThrow({ where: { id: where.id }, select: { orgId: true, type: true } });
  await recordAuditEvent(
    {
      orgId: report.orgId,
      ...reportWorkerActor,
      action: "compliance.report_failed",
      category: "compliance",
      targetType: "report",
      targetId: where.id,
      outcome: "failure",
      metadata: { type: report.type, attempt, reason: failure.code },
    },
    tx,
  );
  return true;
}
