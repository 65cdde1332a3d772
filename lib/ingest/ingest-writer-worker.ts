// The ingest writer thread: writes validated batches on a client of its own.
// better-sqlite3 blocks the thread that calls it, and a batch's hashing and
// statement building are CPU work on either database; here they keep this
// thread busy instead of the one answering requests. Each batch is its own
// transaction, exactly as in-thread. On SQLite batches go one at a time in
// arrival order (one connection, one writer at a time anyway); on PostgreSQL
// they run side by side on the client's pool.
import { parentPort, workerData } from "node:worker_threads";
import { createDatabaseClient } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { AppError } from "@/lib/errors/app-error";
import { ingestRecords } from "@/lib/ingest/ingest-records";
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

let queue: Promise<unknown> = Promise.resolve();

const isSqlite = getDatabaseProvider(databaseUrl) === "sqlite";

port.on("message", (request: IngestWriteRequest) => {
  const write = () => ingestRecords({ identity: request.identity, db }, request.kind, request.batch);
  const written = isSqlite ? queue.then(write) : write();
  queue = written.then(
    (result) => reply({ id: request.id, ok: true, result }),
    (error: unknown) => reply({ id: request.id, ok: false, failure: toFailure(error) }),
  );
});

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
