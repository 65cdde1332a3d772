// GET …/download?format=zip: a completed report's evidence package, rendered
// from its stored JSON artifact and signed statement as the client reads it,
// in a thread of its own (lib/compliance/package/). The same report always
// gives the same bytes. Audited like every download.
import { AppError } from "@/lib/errors/app-error";
import { notFound } from "@/lib/errors/not-found";
import { reservePackageThread } from "@/lib/compliance/package/spawn-package-thread";
import { streamEvidencePackage } from "@/lib/compliance/package/stream-evidence-package";
import { databaseOf, type ReportReadContext } from "@/lib/compliance/requests/compliance-context";
import { databaseUrlOf } from "@/lib/db/raw-sql-of";
import { buildContentDisposition } from "@/lib/compliance/requests/build-content-disposition";
import { openAuditedArtifactRead } from "@/lib/compliance/requests/open-audited-artifact-read";
import { findDownloadableReport, reportStillExists } from "@/lib/compliance/requests/find-downloadable-report";
import { getSigningKeyring } from "@/lib/signing/get-signing-keyring";
import { signPackageSums } from "@/lib/signing/sign-package-sums";

export type ReportPackageOptions = {
  /** Data rows per CSV file (tests use a small one); a spreadsheet's sheet by default. */
  maxDataRows?: number;
};

export async function getReportPackage(
  ctx: ReportReadContext,
  reportId: string,
  options: ReportPackageOptions = {},
): Promise<{ headers: Record<string, string>; body: ReadableStream<Uint8Array> }> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const report = await findDownloadableReport(ctx, reportId);
  const [artifact, statement] = await Promise.all([
    db.reportArtifact.findUnique({
      where: { reportId_format_attempt: { reportId: report.id, format: "json", attempt: report.attempts } },
      select: { id: true, byteSize: true, sha256: true, chunkCount: true },
    }),
    db.reportStatement.findFirst({
      where: { reportId: report.id, orgId: identity.orgId },
      select: { jws: true, signedAt: true },
    }),
  ]);
  if (!artifact?.sha256) {
    if (!(await reportStillExists(ctx, report.id))) throw notFound("Report");
    throw new Error(`Completed report ${report.id} has no json artifact`);
  }
  if (!statement) {
    throw new AppError(
      "conflict",
      "The report has no signed statement, so it has no evidence package; regenerate it to get one",
    );
  }
  const { active } = await getSigningKeyring();

  // A thread's slot first: a download refused as busy is not audited as made.
  const slot = await reservePackageThread();
  let body: ReadableStream<Uint8Array>;
  try {
    // As for a single file: the first read answers a busy pool or a deleted report
    // before any byte, and the download is audited. The package thread then
    // reads the artifact on a connection of its own.
    const { rest } = await openAuditedArtifactRead(ctx, report.id, artifact, { format: "zip" });
    await rest.return(undefined);
    body = streamEvidencePackage({
      databaseUrl: databaseUrlOf(db),
      artifact,
      jsonSha256: artifact.sha256,
      statementJws: statement.jws,
      modifiedAt: statement.signedAt,
      signSums: (sums) => signPackageSums(sums, active),
      slot,
      ...(options.maxDataRows === undefined ? {} : { maxDataRows: options.maxDataRows }),
    });
  } catch (error) {
    slot();
    throw error;
  }
  return {
    headers: {
      "content-type": "application/zip",
      "content-disposition": buildContentDisposition(`${report.title} evidence`, "zip"),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
    body,
  };
}
