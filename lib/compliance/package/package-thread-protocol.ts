// What a download's package thread is given and what it and the server's
// main thread say to each other (render-package-worker.ts,
// stream-evidence-package.ts). The thread sends the ZIP in pieces whose
// memory moves with the message (transferred, not copied) and sends no more
// than a few ahead of what the main thread has handed to the client; the
// private signing key stays on the main thread, which signs SHA256SUMS on request.
import type { MessagePort } from "node:worker_threads";
import type { StoredArtifact } from "@/lib/compliance/artifacts/read-artifact-bytes";
import type { TableStep } from "@/lib/compliance/package/create-table-step-renderer";
import type { TablePlan } from "@/lib/compliance/package/plan-package-files";

export type PackageThreadData = {
  databaseUrl: string;
  artifact: StoredArtifact;
  /** The JSON artifact's stored SHA-256 (its SHA256SUMS line). */
  jsonSha256: string;
  statementJws: string;
  modifiedAt: Date;
  maxDataRows?: number;
};

/** What the package thread is started with: its data, and its end of the channel to each tables thread. */
export type PackageThreadStart = PackageThreadData & { tablesPorts: MessagePort[] };

export type PackageThreadMessage =
  | { type: "bytes"; pieces: Uint8Array[] }
  | { type: "sign"; sums: string }
  | { type: "done" }
  | { type: "failed"; message: string; stack?: string };

export type PackageThreadReply =
  { type: "taken" } | { type: "signed"; jws: string } | { type: "sign-failed"; message: string };

/**
 * Bytes of a piece the thread copies small writes into, bytes a message
 * carries, and messages sent ahead of what the client has taken: a download
 * holds about 3 MiB in flight.
 */
export const packagePieceBytes = 64 * 1024;
export const packageBatchBytes = 1024 * 1024;
export const packageBatchesAhead = 3;

/**
 * The package thread and each of its tables threads
 * (render-package-tables-worker.ts), over a channel of their own: the plans
 * once, then report.json's second read in pieces (shared memory: every tables
 * thread reads every piece), then the end. Each piece, and the end, is
 * rendered by one tables thread (`emit`), which answers with its steps, whose
 * bytes move back; the others only follow the document through it.
 */
export type TablesThreadRequest =
  | { type: "plans"; plans: TablePlan[] }
  | { type: "json"; bytes: Uint8Array; emit: boolean }
  | { type: "end"; emit: boolean };

export type TablesThreadReply =
  { type: "steps"; steps: TableStep[] } | { type: "failed"; message: string; stack?: string };

/** Bytes of report.json a piece for the tables threads carries, and pieces sent ahead of their steps. */
export const tablesPieceBytes = 256 * 1024;
export const tablesPiecesAhead = 8;
