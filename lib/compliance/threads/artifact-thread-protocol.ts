// What a report worker and its artifact thread exchange. Every message names
// the attempt's JSON artifact, so a late reply about an earlier report is
// recognised and dropped.
import type { MessagePort } from "node:worker_threads";
import type { ArtifactTotalsPair, ReportArtifactsSpec, RowBatch } from "@/lib/compliance/artifacts/report-artifacts";

/** The artifact thread's start data; `port` is its end of the channel to the report worker. */
export type ArtifactThreadData = { databaseUrl: string; port: MessagePort };

export type ArtifactThreadRequest =
  | { type: "open"; spec: ReportArtifactsSpec }
  | { type: "json"; key: string; text: string }
  | { type: "rows"; key: string; batch: RowBatch }
  | { type: "finish"; key: string }
  | { type: "abort"; key: string };

export type ArtifactThreadReply =
  | { type: "written"; key: string }
  | { type: "finished"; key: string; totals: ArtifactTotalsPair }
  | { type: "aborted"; key: string }
  | { type: "failed"; key: string; message: string; leaseLost: boolean };
