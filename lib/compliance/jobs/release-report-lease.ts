// Gives a report back to the queue when its worker stops on purpose (shutdown):
// pending again, the attempt not counted, its partial artifacts removed.
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import type { Database } from "@/lib/db";

/** Returns false when the lease had already moved on (nothing to release). */
export async function releaseReportLease(db: Database, lease: ReportLease): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.report.updateMany({
      where: leaseWhere(lease),
      data: { leaseOwner: null, leaseExpiresAt: null, progress: 0, attempts: { decrement: 1 } },
    });
    if (count === 0) return false;
    await deleteArtifacts(tx, lease.reportId, { attempt: lease.attempt });
    return true;
  });
}
