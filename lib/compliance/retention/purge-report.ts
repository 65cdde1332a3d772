// Purges one expired report, leased like generation: first a conditional
// update takes the report's purge lease (only one process can: the update
// matches an unleased or lapsed row), then one transaction deletes its
// stored bytes (chunks, preview) and turns the row into a tombstone, fenced
// on that lease and on the report still being completed and not on hold.
// The tombstone keeps the row (id, type, scope, dates), its artifacts' rows
// (byte sizes and SHA-256) and its signed statement; status becomes `purged`.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db";

export type PurgeLease = { workerId: string; now: Date; leaseSeconds: number };

export async function purgeReport(
  db: Database,
  report: { id: string; orgId: string; retentionDays: number },
  { workerId, now, leaseSeconds }: PurgeLease,
): Promise<boolean> {
  const expiredBefore = new Date(now.getTime() - report.retentionDays * 86_400_000);
  const eligible = { status: "completed", legalHold: false, completedAt: { lt: expiredBefore } } as const;
  const claimed = await db.report.updateMany({
    where: {
      id: report.id,
      orgId: report.orgId,
      ...eligible,
      OR: [{ purgeExpiresAt: null }, { purgeExpiresAt: { lt: now } }],
    },
    data: { purgeOwner: workerId, purgeExpiresAt: new Date(now.getTime() + leaseSeconds * 1000) },
  });
  if (claimed.count === 0) return false;

  try {
    return await db.$transaction(async (tx) => {
      // The fence first (and the only write before it is settled): a hold set
      // since the claim, or a lease lost to another process, purges nothing.
      const { count } = await tx.report.updateMany({
        where: { id: report.id, orgId: report.orgId, purgeOwner: workerId, ...eligible },
        data: { status: "purged", purgedAt: now, purgeOwner: null, purgeExpiresAt: null },
      });
      if (count === 0) return false;
      // The bytes go; the artifact rows stay, with the sizes and SHA-256 the statement signed.
      await tx.reportChunk.deleteMany({ where: { artifact: { reportId: report.id } } });
      await tx.reportPreview.deleteMany({ where: { reportId: report.id } });
      const row = await tx.report.findUniqueOrThrow({
        where: { id: report.id },
        select: {
          type: true,
          title: true,
          scope: true,
          completedAt: true,
          attempts: true,
          artifacts: { select: { attempt: true, format: true, byteSize: true, sha256: true } },
        },
      });
      await recordAuditEvent(
        {
          orgId: report.orgId,
          actorType: "system",
          actorId: null,
          actorLabel: "Report retention",
          action: "compliance.report_purged",
          category: "compliance",
          targetType: "report",
          targetId: report.id,
          metadata: {
            type: row.type,
            title: row.title,
            scope: row.scope,
            completedAt: row.completedAt?.toISOString() ?? null,
            retentionDays: report.retentionDays,
            artifacts: row.artifacts
              .filter((artifact) => artifact.attempt === row.attempts)
              .map((artifact) => ({ format: artifact.format, byteSize: artifact.byteSize, sha256: artifact.sha256 })),
          },
          occurredAt: now,
        },
        tx,
      );
      return true;
    }, chainTransactionOptions);
  } finally {
    // Whatever happened, the lease is handed back (a purged row no longer matches).
    await db.report.updateMany({
      where: { id: report.id, purgeOwner: workerId },
      data: { purgeOwner: null, purgeExpiresAt: null },
    });
  }
}
