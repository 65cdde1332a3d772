// A SQLite query thread run from TypeScript source, with a Prisma client on
// this thread whose queries it runs: for tests and dev scripts (the server's
// are started from the Next build by startReportWorkers).
import path from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import { createDatabaseClient, type Database } from "@/lib/db";
import { createThreadedSqliteAdapter } from "@/lib/db/create-threaded-sqlite-adapter";
import type { SqliteQueryThreadData } from "@/lib/db/sqlite-query-thread-protocol";

const bootstrap = path.join(import.meta.dirname, "tsx-worker.mjs");
const entry = path.resolve(import.meta.dirname, "..", "..", "lib", "compliance", "query-thread-worker.ts");

export function startSourceSqliteQueryThread(databaseUrl: string): { db: Database; thread: Worker } {
  const channel = new MessageChannel();
  const thread = new Worker(bootstrap, {
    argv: [entry],
    workerData: { databaseUrl, port: channel.port2 } satisfies SqliteQueryThreadData,
    transferList: [channel.port2],
  });
  const db = createDatabaseClient(databaseUrl, { sqliteAdapter: createThreadedSqliteAdapter(channel.port1) });
  return { db, thread };
}
