// What a report worker and its CSV render thread exchange. Every message names
// the artifact, so a late reply about an earlier report is recognised and dropped.
import type { MessagePort } from "node:worker_threads";
import type { ArtifactTotals } from "@/lib/compliance/artifact-writer";
import type { CsvArtifactSpec } from "@/lib/compliance/csv-renderer";

/** The CSV thread's start data; `port` is its end of the channel to the report worker. */
export type CsvRenderThreadData = { databaseUrl: string; port: MessagePort };

export type CsvRenderRequest =
  | { type: "open"; spec: CsvArtifactSpec }
  | { type: "rows"; artifactId: string; section: string; table: string; rowsJson: string }
  | { type: "finish"; artifactId: string }
  | { type: "abort"; artifactId: string };

export type CsvRenderReply =
  | { type: "written"; artifactId: string }
  | { type: "finished"; artifactId: string; totals: ArtifactTotals }
  | { type: "aborted"; artifactId: string }
  | { type: "failed"; artifactId: string; message: string; leaseLost: boolean };
