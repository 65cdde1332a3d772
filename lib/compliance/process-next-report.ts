// One turn of a report worker: fail reports whose attempts ran out, then claim
// the next pending report and generate it. Tests call this directly; the
// worker thread calls it in a loop.
import { claimNextReport } from "@/lib/compliance/claim-next-report";
import { failExhaustedReports } from "@/lib/compliance/fail-exhausted-reports";
import { defaultLeaseSeconds } from "@/lib/compliance/report-lease";
import { runReportJob, type ReportJobOptions, type ReportJobOutcome } from "@/lib/compliance/run-report-job";
import type { Database } from "@/lib/db";

export async function processNextReport(
  db: Database,
  workerId: string,
  options: ReportJobOptions & { now?: Date },
): Promise<{ reportId: string; outcome: ReportJobOutcome } | null> {
  const now = options.now ?? new Date();
  await failExhaustedReports(db, now);
  const lease = await claimNextReport(db, workerId, { leaseSeconds: options.leaseSeconds ?? defaultLeaseSeconds, now });
  if (!lease) return null;
  return { reportId: lease.reportId, outcome: await runReportJob(db, lease, options) };
}
