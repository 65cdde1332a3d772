// Starts reading a stored artifact for a download and records the download.
// The first read takes the database connection and finds the chunks before
// anything is answered, so a busy pool is a 503 the client can retry and a
// report deleted until then is a 404; deleted later, the stream errors rather
// than end short. Every download is an audit event.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import {
  ArtifactGoneError,
  readArtifactBytes,
  type StoredArtifact,
} from "@/lib/compliance/artifacts/read-artifact-bytes";
import { databaseOf, type ComplianceContext } from "@/lib/compliance/requests/compliance-context";
import { reportStillExists } from "@/lib/compliance/requests/find-downloadable-report";
import { notFound } from "@/lib/errors/not-found";

export type OpenedArtifactRead = {
  /** The first piece, already read. */
  first: IteratorResult<Uint8Array>;
  /** The rest of the bytes, pulled as the client reads. */
  rest: AsyncGenerator<Uint8Array>;
};

export async function openAuditedArtifactRead(
  ctx: ComplianceContext,
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
    await recordAuditEvent(
      {
        orgId: identity.orgId,
        ...describeActor(identity),
        ip: ctx.ip ?? null,
        action: "compliance.report_downloaded",
        category: "compliance",
        targetType: "report",
        targetId: reportId,
        metadata: { ...download, via: identity.kind === "session" ? "session" : "api_key" },
      },
      db,
    );
  } catch (error) {
    await rest.return(undefined);
    throw error;
  }
  return { first, rest };
}
