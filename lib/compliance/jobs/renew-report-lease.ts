// Extends a lease (and records progress) with a fenced write; throws when the
// lease is gone, which is how a worker learns it must stop.
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import type { Database } from "@/lib/db";

type Writer = Pick<Database, "report">;

export async function renewReportLease(
  writer: Writer,
  lease: ReportLease,
  { leaseSeconds, progress, now = new Date() }: { leaseSeconds: number; progress?: number; now?: Date },
): Promise<void> {
  const { count } = await writer.report.updateMany({
    where: leaseWhere(lease),
    data: {
      leaseExpiresAt: new Date(now.getTime() + leaseSeconds * 1000),
      ...(progress !== undefined ? { progress } : {}),
    },
  });
  if (count === 0) throw new LeaseLostError(lease.reportId);
}
