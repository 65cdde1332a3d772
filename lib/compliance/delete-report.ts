// Deletes a report and its stored bytes, and records who did. A worker still
// generating it loses its lease (its fenced writes find no row) and stops.
import { notFound } from "@/lib/api/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor, type Identity } from "@/lib/auth/identity";
import { deleteArtifacts } from "@/lib/compliance/delete-artifacts";
import type { Database } from "@/lib/db";

export async function deleteReport(db: Database, identity: Identity, reportId: string): Promise<void> {
  const report = await db.report.findFirst({
    where: { id: reportId, orgId: identity.orgId },
    select: { id: true, type: true, title: true, status: true },
  });
  if (!report) throw notFound("Report");
  // Writes come first inside the transaction: on SQLite a deferred transaction
  // that reads before writing can hit SQLITE_BUSY when a worker wrote meanwhile.
  await db.$transaction(async (tx) => {
    await deleteArtifacts(tx, report.id);
    const { count } = await tx.report.deleteMany({ where: { id: report.id, orgId: identity.orgId } });
    if (count === 0) throw notFound("Report");
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        action: "compliance.report_deleted",
        category: "compliance",
        targetType: "report",
        targetId: report.id,
        metadata: { type: report.type, title: report.title, status: report.status },
      },
      tx,
    );
  });
}
