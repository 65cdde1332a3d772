// What the ingest writer thread (ingest-writer-worker.ts) is asked and
// answers. Requests carry a batch's body as it was read (the thread parses and
// validates it); failures, a refused batch's 400 among them, come back as
// plain data, rebuilt as errors by the caller.
import type { Identity } from "@/lib/auth/identity";
import type { ErrorCode } from "@/lib/errors/app-error";
import type { IngestResult } from "@/lib/ingest/ingest-records";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";

export type IngestWriterThreadData = { databaseUrl: string };

export type IngestWriteRequest = { id: number; identity: Identity; kind: IngestKind; body: Uint8Array };

/** An AppError keeps its code and details; anything else its message and driver code (for the 503 mapping). */
export type IngestWriteFailure =
  | { type: "app"; code: ErrorCode; message: string; details?: unknown }
  | { type: "other"; name: string; message: string; code?: string; stack?: string };

export type IngestWriteReply =
  { id: number; ok: true; result: IngestResult } | { id: number; ok: false; failure: IngestWriteFailure };
