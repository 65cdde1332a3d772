// The request threads' side of the ingest writer thread: one thread per
// process and database, started on first use and again after it ends; every
// batch in flight when it ends fails (its transaction never committed).
import type { Worker } from "node:worker_threads";
import type { Identity } from "@/lib/auth/identity";
import { AppError } from "@/lib/errors/app-error";
import type { IngestResult } from "@/lib/ingest/ingest-records";
import type { IngestWriteFailure, IngestWriteReply, IngestWriteRequest } from "@/lib/ingest/ingest-writer-protocol";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import { spawnIngestWriterThread } from "@/lib/ingest/spawn-ingest-writer-thread";

type Pending = { resolve: (result: IngestResult) => void; reject: (error: Error) => void };
type Writer = { thread: Worker; pending: Map<number, Pending> };

const writers = new Map<string, Writer>();
let nextId = 1;

/** Null when no writer thread can run here. */
export function writeInIngestWriterThread(
  databaseUrl: string,
  identity: Identity,
  kind: IngestKind,
  /** The request body's bytes; moved to the thread when they are the whole of their memory, else copied. */
  body: Uint8Array,
): Promise<IngestResult> | null {
  const writer = writers.get(databaseUrl) ?? startWriter(databaseUrl);
  if (!writer) return null;
  const id = nextId++;
  const ownsItsMemory = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
  const request: IngestWriteRequest = { id, identity, kind, body };
  return new Promise<IngestResult>((resolve, reject) => {
    writer.pending.set(id, { resolve, reject });
    writer.thread.postMessage(request, ownsItsMemory ? [body.buffer as ArrayBuffer] : []);
  });
}

function startWriter(databaseUrl: string): Writer | null {
  const thread = spawnIngestWriterThread({ databaseUrl });
  if (!thread) return null;
  // An idle writer must not keep a script or test process alive.
  thread.unref();
  const writer: Writer = { thread, pending: new Map() };
  writers.set(databaseUrl, writer);

  thread.on("message", (reply: IngestWriteReply) => {
    const waiter = writer.pending.get(reply.id);
    writer.pending.delete(reply.id);
    if (!waiter) return;
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(toError(reply.failure));
  });
  const end = (error: Error) => {
    if (writers.get(databaseUrl) === writer) writers.delete(databaseUrl);
    for (const waiter of writer.pending.values()) waiter.reject(error);
    writer.pending.clear();
  };
  thread.on("error", end);
  thread.on("exit", (code) => end(new Error(`The ingest writer thread exited (${code})`)));
  return writer;
}

function toError(failure: IngestWriteFailure): Error {
  if (failure.type === "app") return new AppError(failure.code, failure.message, failure.details);
  const error = Object.assign(new Error(failure.message), { name: failure.name, code: failure.code });
  if (failure.stack) error.stack = failure.stack;
  return error;
}
