// The ingest writer thread: parses, validates and writes pushed batches on a
// client of its own. better-sqlite3 blocks the thread that calls it, and a
// batch's parsing, validation, hashing and statement building are CPU work on
// either database; here they keep this thread busy instead of the one
// answering requests. On SQLite the batches that queued while one was written
// go together into the next transaction, in arrival order, each behind its own
// savepoint (ingest-batches-together.ts): one writer at a time anyway, and one
// commit for the group. On PostgreSQL each batch is its own transaction, side
// by side on the client's pool, up to one per core.
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import pLimit from "p-limit";
import { createDatabaseClient } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { AppError } from "@/lib/errors/app-error";
import { ingestBatchesTogether, type GroupedBatch } from "@/lib/ingest/ingest-batches-together";
import { ingestRecords } from "@/lib/ingest/ingest-records";
import { parseIngestBatch } from "@/lib/ingest/parse-ingest-batch";
import type { IngestBatch } from "@/lib/ingest/schemas";
import { ingestWriterNice } from "@/lib/ingest/ingest-writer-nice";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";
import type {
  IngestWriteFailure,
  IngestWriteReply,
  IngestWriteRequest,
  IngestWriterThreadData,
} from "@/lib/ingest/ingest-writer-protocol";

const port = parentPort;
if (!port) throw new Error("ingest-writer-worker must run as a worker thread");
const { databaseUrl } = workerData as IngestWriterThreadData;
// Its commits wait for the disk like every Prisma connection's (create-sqlite-adapter-factory.ts).
const db = createDatabaseClient(databaseUrl);

const provider = getDatabaseProvider(databaseUrl);
const isSqlite = provider === "sqlite";
lowerThreadPriority(ingestWriterNice(provider));
/** Batches per SQLite transaction: bounds how long one commit holds the write lock. */
const MAX_GROUP = 8;
/**
 * PostgreSQL transactions in flight at once, one per core; the rest wait here
 * in arrival order. Each is a busy backend: past the cores they only slow each
 * other (docs/benchmarks.md, ingest transactions at once).
 */
const postgresTransactions = pLimit(os.availableParallelism());

const waiting: (GroupedBatch & { id: number })[] = [];
let draining = false;

port.on("message", ({ id, identity, kind, body }: IngestWriteRequest) => {
  let batch: IngestBatch;
  try {
    batch = parseIngestBatch(kind, body);
  } catch (error) {
    reply({ id, ok: false, failure: toFailure(error) });
    return;
  }
  if (!isSqlite) {
    postgresTransactions(() => ingestRecords({ identity, db }, kind, batch)).then(
      (result) => reply({ id, ok: true, result }),
      (error: unknown) => reply({ id, ok: false, failure: toFailure(error) }),
    );
    return;
  }
  waiting.push({ id, identity, kind, batch });
  if (!draining) void drainInGroups();
});

async function drainInGroups(): Promise<void> {
  draining = true;
  while (waiting.length > 0) {
    const group = waiting.splice(0, MAX_GROUP);
    const outcomes = await ingestBatchesTogether(db, group);
    group.forEach((request, index) => {
      const outcome = outcomes[index]!;
      reply(
        outcome.ok
          ? { id: request.id, ok: true, result: outcome.result }
          : { id: request.id, ok: false, failure: toFailure(outcome.error) },
      );
    });
  }
  draining = false;
}

function reply(message: IngestWriteReply): void {
  port!.postMessage(message);
}

function toFailure(error: unknown): IngestWriteFailure {
  if (error instanceof AppError) {
    return { type: "app", code: error.code, message: error.message, details: error.details };
  }
  const code = (error as { code?: unknown } | null)?.code;
  return {
    type: "other",
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === "string" ? code : undefined,
    stack: error instanceof Error ? error.stack : undefined,
  };
}
