// Stores a completing attempt's preview, in the transaction that completes it.
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import type { ReportLease } from "@/lib/compliance/lease/report-lease";
import type { Database } from "@/lib/db";

export async function storeReportPreview(
  tx: Pick<Database, "reportPreview">,
  lease: Pick<ReportLease, "reportId" | "attempt">,
  preview: ReportPreview,
): Promise<void> {
  const content = JSON.stringify(preview);
  await tx.reportPreview.upsert({
    where: { reportId: lease.reportId },
    create: { reportId: lease.reportId, attempt: lease.attempt, content },
    update: { attempt: lease.attempt, content },
    select: { reportId: true },
  });
}
