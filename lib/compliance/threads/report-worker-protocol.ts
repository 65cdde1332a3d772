// What the main thread and a report worker thread exchange: the start data
// (including the SharedArrayBuffer stop flag) and the worker's messages.
import type { MessagePort } from "node:worker_threads";

export type ReportWorkerData = {
  databaseUrl: string;
  /** Int32Array view: [0] = stop flag (1 = stop). */
  control: SharedArrayBuffer;
  leaseSeconds: number;
  pollMs: number;
  /** Started because a report waits: take reports until none has waited for lingerMs, then end (the main thread starts another when one does). */
  onDemand: boolean;
  /** On demand: how long the set stays after its last report, for the next one (REPORT_WORKER_LINGER_SECONDS). */
  lingerMs: number;
  /** The report worker's end of the channel to its artifact thread. */
  artifactPort: MessagePort;
  /** SQLite: the report worker's end of the channel to its query thread, which runs its Prisma queries. */
  queryPort?: MessagePort;
  /** The process's table of verified chain lines (shared-verified-chain-lines.ts). */
  verifiedChainLines: SharedArrayBuffer | null;
};

export type ReportWorkerMessage =
  | { type: "job"; reportId: string; outcome: string }
  /** An on-demand worker found no report waiting for its linger window and ended: the main thread looks again. */
  | { type: "ended" }
  | { type: "stopped" };

/** The main thread posts this to wake idle workers (a report was queued, or stop). */
export const wakeMessage = "wake";
