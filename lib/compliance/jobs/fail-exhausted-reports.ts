// A report whose last attempt's lease expired will not be retried: it fails
// with the reason, so nothing stays pending forever.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { markReportFailed } from "@/lib/compliance/jobs/mark-report-failed";
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
    // Conditional on the state just read, so a concurrent sweeper or a late
    // completion wins cleanly.
    const done = await db.$transaction(
      (tx) =>
        markReportFailed(
          tx,
          { id: report.id, status: "pending", attempts: report.attempts, leaseExpiresAt: report.leaseExpiresAt },
          { attempt: report.attempts, failure },
        ),
      chainTransactionOptions,
    );
    if (!done) continue;
    logger.warn({ reportId: report.id, attempts: report.attempts }, "report failed: last worker lease expired");
    failed.push(report.id);
  }
  return failed;
}
