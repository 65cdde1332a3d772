// Starts reading a stored artifact for a download and records the download.
// The first read takes the database connection and finds the chunks before
// anything is answered, so a busy pool is a 503 the client can retry and a
// report deleted until then is a 404; deleted later, the stream errors rather
// than end short. Every download is an audit event; a share link's download is
// also counted against its cap, in the same transaction as its audit event, so
// the count and the audit trail always agree.
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor, type Reader } from "@/lib/auth/identity";
import {
  ArtifactGoneError,
  readArtifactBytes,
  type StoredArtifact,
} from "@/lib/compliance/artifacts/read-artifact-bytes";
import { databaseOf, type ReportReadContext } from "@/lib/compliance/requests/compliance-context";
import { reportStillExists } from "@/lib/compliance/requests/find-downloadable-report";
import { notFound } from "@/lib/errors/not-found";
import { claimShareLinkDownload } from "@/lib/share-links/claim-share-link-download";
import { shareLinkGone } from "@/lib/share-links/share-link-gone";

export type OpenedArtifactRead = {
  /** The first piece, already read. */
  first: IteratorResult<Uint8Array>;
  /** The rest of the bytes, pulled as the client reads. */
  rest: AsyncGenerator<Uint8Array>;
};

export async function openAuditedArtifactRead(
  ctx: ReportReadContext,
  reportId: string,
  artifact: StoredArtifact,
  download: { format: string } & Record<string, unknown>,
): Promise<OpenedArtifactRead> {
  const { identity } = ctx;
  const db = databaseOf(ctx);
  const rest = readArtifactBytes(db, artifact);
  let first: IteratorResult<Uint8Array>;
  try {
    first = await rest.next();
  } catch (error) {
    if (error instanceof ArtifactGoneError && !(await reportStillExists(ctx, reportId))) throw notFound("Report");
    throw error;
  }
  try {
    await db.$transaction(async (tx) => {
      // The count goes first: on SQLite a transaction's first statement should be its write.
      if (identity.kind === "share_link" && !(await claimShareLinkDownload(tx, identity))) throw shareLinkGone();
      await recordAuditEvent(
        {
          orgId: identity.orgId,
          ...describeActor(identity),
          ip: ctx.ip ?? null,
          action: "compliance.report_downloaded",
          category: "compliance",
          targetType: "report",
          targetId: reportId,
          metadata: { ...download, ...viaOf(identity) },
        },
        tx,
      );
    }, chainTransactionOptions);
  } catch (error) {
    await rest.return(undefined);
    throw error;
  }
  return { first, rest };
}

/** How the download came: session, key, or which share link (and the browser or tool that used it). */
function viaOf(identity: Reader): Record<string, unknown> {
  if (identity.kind !== "share_link") return { via: identity.kind };
  return { via: "share_link", shareLinkId: identity.shareLinkId, userAgent: identity.userAgent };
}
