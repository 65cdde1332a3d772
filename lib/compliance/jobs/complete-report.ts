// Marks a report completed with the artifacts its attempt wrote, stores the
// viewer's preview, and signs its statement in the same transaction. Fenced: a worker that lost its lease
// changes nothing. Artifacts of other attempts (a stale worker's partial
// output) are deleted in the same transaction.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { deleteArtifacts } from "@/lib/compliance/artifacts/delete-artifacts";
import type { ArtifactFormat } from "@/lib/compliance/artifacts/report-artifacts";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { leaseWhere, type ReportLease } from "@/lib/compliance/lease/report-lease";
import { reportWorkerActor } from "@/lib/compliance/jobs/report-worker-actor";
import { recordReportStatement } from "@/lib/compliance/jobs/record-report-statement";
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import { storeReportPreview } from "@/lib/compliance/preview/store-report-preview";
import { getSigningKeyring } from "@/lib/signing/get-signing-keyring";
import type { Database } from "@/lib/db";

export type FinishedArtifact = {
  artifactId: string;
  format: ArtifactFormat;
  byteSize: number;
  sha256: string;
  chunkCount: number;
};

export type CompletedAttempt = {
  /** As the report's JSON header states it. */
  generatedAt: string;
  schemaVersion: number;
  artifacts: FinishedArtifact[];
  /** What the viewer shows (lib/compliance/preview). */
  preview: ReportPreview;
};

export async function completeReport(
  db: Database,
  lease: ReportLease,
  { generatedAt, schemaVersion, artifacts, preview }: CompletedAttempt,
): Promise<void> {
  // Before the transaction: a missing key fails the report with its reason, holding no lock.
  const { active: key } = await getSigningKeyring();
  await db.$transaction(async (tx) => {
    const completedAt = new Date();
    const { count } = await tx.report.updateMany({
      where: leaseWhere(lease),
      data: { status: "completed", progress: 100, completedAt, error: null, leaseOwner: null, leaseExpiresAt: null },
    });
    if (count === 0) throw new LeaseLostError(lease.reportId);

    for (const artifact of artifacts) {
      await tx.reportArtifact.update({
        where: { id: artifact.artifactId },
        data: { byteSize: artifact.byteSize, sha256: artifact.sha256, chunkCount: artifact.chunkCount },
        select: { id: true },
      });
    }
    await deleteArtifacts(tx, lease.reportId, { exceptAttempt: lease.attempt });
    await storeReportPreview(tx, lease, preview);
    const statement = await recordReportStatement(
      db,
      tx,
      { reportId: lease.reportId, generatedAt, schemaVersion, signedAt: completedAt, artifacts },
      key,
    );
    await recordAuditEvent(
      {
        orgId: statement.orgId,
        ...reportWorkerActor,
        action: "compliance.report_completed",
        category: "compliance",
        targetType: "report",
        targetId: lease.reportId,
        occurredAt: completedAt,
        metadata: {
          type: statement.reportType,
          attempt: lease.attempt,
          // Which server process and thread generated it, when several share the database.
          workerId: lease.workerId,
          artifacts: Object.fromEntries(artifacts.map((a) => [a.format, { byteSize: a.byteSize, sha256: a.sha256 }])),
          statement: { kid: statement.kid, sha256: statement.sha256 },
        },
      },
      tx,
    );
    // It appends to the org's chains: it may wait behind other appenders.
  }, chainTransactionOptions);
}
