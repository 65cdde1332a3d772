// A completed report's stored bytes, exactly as rendered at generation: the
// chunks are streamed as the client reads, so memory stays flat however large
// the file. Every download is an audit event.
import { notFound } from "@/lib/errors/not-found";
import { databaseOf, type ReportReadContext } from "@/lib/compliance/requests/compliance-context";
import { buildContentDisposition } from "@/lib/compliance/requests/build-content-disposition";
import type { DownloadQuery } from "@/lib/compliance/requests/schemas";
import { findDownloadableReport, reportStillExists } from "@/lib/compliance/requests/find-downloadable-report";
import { getReportPackage } from "@/lib/compliance/requests/get-report-package";
import { openAuditedArtifactRead } from "@/lib/compliance/requests/open-audited-artifact-read";

const utf8Bom = new Uint8Array([0xef, 0xbb, 0xbf]);

export type ReportDownload = {
  headers: Record<string, string>;
  /** null when the client already holds this version (If-None-Match). */
  body: ReadableStream<Uint8Array> | null;
};

export async function getReportDownload(
  ctx: ReportReadContext,
  reportId: string,
  query: DownloadQuery,
  { ifNoneMatch }: { ifNoneMatch?: string | null } = {},
): Promise<ReportDownload> {
  if (query.format === "zip") return getReportPackage(ctx, reportId);
  const format = query.format;
  const db = databaseOf(ctx);
  const report = await findDownloadableReport(ctx, reportId);
  const artifact = await db.reportArtifact.findUnique({
    where: { reportId_format_attempt: { reportId: report.id, format, attempt: report.attempts } },
    select: { id: true, contentType: true, byteSize: true, sha256: true, chunkCount: true },
  });
  if (!artifact?.sha256) {
    // Deleted since the first query: the report is gone, not broken.
    if (!(await reportStillExists(ctx, report.id))) throw notFound("Report");
    throw new Error(`Completed report ${report.id} has no ${format} artifact`);
  }

  const withBom = query.bom && format === "csv";
  // A BOM changes the bytes, so it is a different representation with its own tag.
  const etag = `"${artifact.sha256}${withBom ? "-bom" : ""}"`;
  const headers: Record<string, string> = {
    "content-type": artifact.contentType,
    "content-disposition": buildContentDisposition(report.title, format),
    etag,
    "x-content-sha256": artifact.sha256,
    // Exports hold personal data: no cache, shared or private, may keep a copy.
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  };
  if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag)) {
    return { headers, body: null };
  }
  headers["content-length"] = String(artifact.byteSize + (withBom ? utf8Bom.byteLength : 0));

  const { first, rest } = await openAuditedArtifactRead(ctx, report.id, artifact, { format, bom: withBom });
  return { headers, body: toByteStream(withBom ? utf8Bom : null, first, rest) };
}

/** The optional prefix, then the artifact's bytes (the first piece already read), pulled as the client reads; cancelling stops the read. */
function toByteStream(
  prefix: Uint8Array | null,
  first: IteratorResult<Uint8Array>,
  bytes: AsyncGenerator<Uint8Array>,
): ReadableStream<Uint8Array> {
  let sentPrefix = prefix === null;
  let pending: IteratorResult<Uint8Array> | null = first;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentPrefix && prefix) {
        sentPrefix = true;
        controller.enqueue(prefix);
        return;
      }
      const next = pending ?? (await bytes.next());
      pending = null;
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await bytes.return(undefined);
    },
  });
}
