// Claims the next report to generate for this worker: one attempt, one lease.
import { defaultLeaseSeconds } from "@/lib/compliance/jobs/report-lease-seconds";
import type { ReportLease } from "@/lib/compliance/lease/report-lease";
import { claimReportRow } from "@/lib/compliance/jobs/claim-report-row";
import type { Database } from "@/lib/db";

export async function claimNextReport(
  db: Database,
  workerId: string,
  {
    leaseSeconds = defaultLeaseSeconds,
    now = new Date(),
    reportId,
  }: { leaseSeconds?: number; now?: Date; reportId?: string } = {},
): Promise<ReportLease | null> {
  const row = await claimReportRow(db, {
    workerId,
    now,
    leaseExpiresAt: new Date(now.getTime() + leaseSeconds * 1000),
    reportId,
  });
  return row ? { reportId: row.id, workerId, attempt: row.attempts } : null;
}
