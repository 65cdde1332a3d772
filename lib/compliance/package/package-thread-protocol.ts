// What a download's package thread is given and what it and the server's
// main thread say to each other (render-package-worker.ts,
// stream-evidence-package.ts). The thread sends the ZIP in pieces whose
// memory moves with the message (transferred, not copied) and sends no more
// than a few ahead of what the main thread has handed to the client; the
// private signing key stays on the main thread, which signs SHA256SUMS on request.
import type { StoredArtifact } from "@/lib/compliance/artifacts/read-artifact-bytes";

export type PackageThreadData = {
  databaseUrl: string;
  artifact: StoredArtifact;
  /** The JSON artifact's stored SHA-256 (its SHA256SUMS line). */
  jsonSha256: string;
  statementJws: string;
  modifiedAt: Date;
  maxDataRows?: number;
};

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
