// A SQLite query thread run from TypeScript source, with a Prisma client on
// this thread whose queries it runs: for tests and dev scripts.
import type { Worker } from "node:worker_threads";
import { createDatabaseClient, type Database } from "@/lib/db";
import { createThreadedSqliteAdapter } from "@/lib/compliance/threads/create-threaded-sqlite-adapter";
import { startSourcePortWorker } from "./start-source-port-worker";

export function startSourceSqliteQueryThread(databaseUrl: string): { db: Database; thread: Worker } {
  const { thread, port } = startSourcePortWorker("query-thread-worker.ts", databaseUrl);
  const db = createDatabaseClient(databaseUrl, { sqliteAdapter: createThreadedSqliteAdapter(port) });
  return { db, thread };
}
