// Removes stored renderings of a report (chunks first: no reliance on the
// database cascading, which SQLite only does with foreign keys switched on);
// all of them, the viewer's preview included, unless an attempt is named.
import type { Database } from "@/lib/db";

type Writer = Pick<Database, "reportArtifact" | "reportChunk" | "reportPreview">;

export async function deleteArtifacts(
  writer: Writer,
  reportId: string,
  which: { attempt?: number; exceptAttempt?: number } = {},
): Promise<void> {
  const artifactWhere = {
    reportId,
    ...(which.attempt !== undefined ? { attempt: which.attempt } : {}),
    ...(which.exceptAttempt !== undefined ? { attempt: { not: which.exceptAttempt } } : {}),
  };
  await writer.reportChunk.deleteMany({ where: { artifact: artifactWhere } });
  await writer.reportArtifact.deleteMany({ where: artifactWhere });
  if (which.attempt === undefined && which.exceptAttempt === undefined) {
    await writer.reportPreview.deleteMany({ where: { reportId } });
  }
}
