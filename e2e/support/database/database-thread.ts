// The database thread's entry (started through tsx by start-database-thread.ts).
// It runs in a worker thread because Playwright's own TypeScript loader cannot
// load the ESM-only Prisma client that lib/db builds on; tsx can, as in dev scripts.
import { parentPort, workerData } from "node:worker_threads";
import { createDatabaseClient } from "@/lib/db";
import { createDatabaseOperations } from "./database-operations";
import type { DatabaseReply, DatabaseRequest, DatabaseThreadData } from "./database-protocol";

const port = parentPort;
if (!port) throw new Error("database-thread.ts runs as a worker thread");
const { databaseUrl } = workerData as DatabaseThreadData;
const operations = createDatabaseOperations(createDatabaseClient(databaseUrl));

port.on("message", async (request: DatabaseRequest) => {
  let reply: DatabaseReply;
  try {
    const operation = operations[request.method] as (...args: unknown[]) => Promise<unknown>;
    reply = { id: request.id, ok: true, value: await operation(...request.args) };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, ok: false, message: failure.message, stack: failure.stack };
  }
  port.postMessage(reply);
});
