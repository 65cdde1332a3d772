// Gives a report back to the queue: pending again, its partial artifacts
// removed. When its worker stops on purpose (shutdown) the attempt is not
// counted; when the database went away under it, it is (so a report whose
// generation keeps losing its connection ends after its last attempt).
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import type { Database } from "@/lib/db";

/** Returns false when the lease had already moved on (nothing to release). */
export async function releaseReportLease(
  db: Database,
  lease: ReportLease,
  { countAttempt = false }: { countAttempt?: boolean } = {},
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: leaseWhere(lease),
      data: {
        leaseOwner: null,
        leaseExpiresAt: null,
        progress: 0,
        ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
      },
    });
    if (count === 0) return false;
    await deleteArtifacts(tx, lease.reportId, { attempt: lease.attempt });
    return true;
  });
}
