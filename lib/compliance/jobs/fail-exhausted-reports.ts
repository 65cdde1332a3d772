// A report whose last attempt's lease expired will not be retried: it fails
// with the reason, so nothing stays pending forever.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { reportWorkerActor } from "@/lib/compliance/jobs/complete-report";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { reportFailure } from "@/lib/compliance/jobs/report-failure";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/log/logger";

export async function failExhaustedReports(
  db: Database,
  { now = new Date(), reportId }: { now?: Date; reportId?: string } = {},
): Promise<string[]> {
  const stuck = await db.report.findMany({
    where: {
      ...(reportId ? { id: reportId } : {}),
      status: "pending",
      attempts: { gte: db.report.fields.maxAttempts },
      OR: [{ leaseOwner: null }, { leaseExpiresAt: { lt: now } }],
    },
    select: { id: true, orgId: true, type: true, attempts: true, leaseExpiresAt: true },
    take: 100,
  });
  const failed: string[] = [];
  for (const report of stuck) {
    const failure = reportFailure("attempts_exhausted");
    const done = await db.$transaction(async (tx) => {
      // Conditional on the state just read, so a concurrent sweeper or a late
      // completion wins cleanly.
      const { count } = await tx.report.updateMany({
        where: { id: report.id, status: "pending", attempts: report.attempts, leaseExpiresAt: report.leaseExpiresAt },
        data: {
          status: "failed",
          errorCode: failure.code,
          error: failure.message,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      });
      if (count === 0) return false;
      await deleteArtifacts(tx, report.id);
      await recordAuditEvent(
        {
          orgId: report.orgId,
          ...reportWorkerActor,
          action: "compliance.report_failed",
          category: "compliance",
          targetType: "report",
          targetId: report.id,
          outcome: "failure",
          metadata: { type: report.type, attempt: report.attempts, reason: failure.code },
        },
        tx,
      );
      return true;
    });
    if (!done) continue;
    logger.warn({ reportId: report.id, attempts: report.attempts }, "report failed: last worker lease expired");
    failed.push(report.id);
  }
  return failed;
}
