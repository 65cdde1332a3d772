// One turn of a report worker: fail reports whose attempts ran out, then claim
// the next pending report (or the one named) and generate it. Tests call this directly; the
// worker thread calls it in a loop.
import { claimNextReport } from "@/lib/compliance/jobs/claim-next-report";
import { failExhaustedReports } from "@/lib/compliance/jobs/fail-exhausted-reports";
import { defaultLeaseSeconds } from "@/lib/compliance/jobs/report-lease-seconds";
import { runReportJob, type ReportJobOptions, type ReportJobOutcome } from "@/lib/compliance/jobs/run-report-job";
import type { Database } from "@/lib/db";

export async function processNextReport(
  db: Database,
  workerId: string,
  options: ReportJobOptions & { now?: Date; reportId?: string },
): Promise<{ reportId: string; outcome: ReportJobOutcome } | null> {
  const now = options.now ?? new Date();
  const { reportId } = options;
  await failExhaustedReports(db, { now, reportId });
  const lease = await claimNextReport(db, workerId, {
    leaseSeconds: options.leaseSeconds ?? defaultLeaseSeconds,
    now,
    reportId,
  });
  if (!lease) return null;
  return { reportId: lease.reportId, outcome: await runReportJob(db, lease, options) };
}
