// Marks a report failed with its public reason (fail closed: a report that
// could not be built whole is never offered as if it were). Fenced like every
// worker write. The caller logs the underlying error.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import { markReportFailed } from "@/lib/compliance/jobs/mark-report-failed";
import type { ReportFailure } from "@/lib/compliance/jobs/report-failure";
import type { Database } from "@/lib/db";

export async function failReport(db: Database, lease: ReportLease, failure: ReportFailure): Promise<void> {
  await db.$transaction(async (tx) => {
    const failed = await markReportFailed(tx, leaseWhere(lease), { attempt: lease.attempt, failure });
    if (!failed) throw new LeaseLostError(lease.reportId);
  }, chainTransactionOptions);
}
