// The test side of the database thread: starts it on the run's database and
// turns each operation into a message and its reply into a promise.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { DatabaseOperations } from "./database-operations";
import type { DatabaseReply, DatabaseRequest, DatabaseThreadData } from "./database-protocol";

export type DatabaseThread = { operations: DatabaseOperations; close(): Promise<void> };

// The repository's launcher for TypeScript worker entries (tsx), as tests and dev scripts use.
const launcher = path.resolve("scripts/dev/tsx-worker.mjs");
const entry = path.join(__dirname, "database-thread.ts");

export function startDatabaseThread(databaseUrl: string): DatabaseThread {
  const workerData: DatabaseThreadData = { databaseUrl };
  // No execArgv: the test worker's own loader flags must not reach the thread.
  const thread = new Worker(launcher, { argv: [entry], workerData, execArgv: [] });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 0;
  let stopped: Error | null = null;

  const failAll = (error: Error) => {
    stopped = error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  thread.on("error", failAll);
  thread.on("exit", (code) => failAll(new Error(`The e2e database thread exited (code ${code})`)));
  thread.on("message", (reply: DatabaseReply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    if (reply.ok) call.resolve(reply.value);
    else call.reject(Object.assign(new Error(reply.message), { stack: `${reply.message}\n${reply.stack ?? ""}` }));
  });

  const call = (method: DatabaseRequest["method"], args: unknown[]) =>
    new Promise<unknown>((resolve, reject) => {
      if (stopped) return reject(stopped);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: DatabaseRequest = { id, method, args };
      thread.postMessage(request);
    });
  const operations = new Proxy({} as DatabaseOperations, {
    get:
      (_target, method) =>
      (...args: unknown[]) =>
        call(method as DatabaseRequest["method"], args),
  });
  return {
    operations,
    async close() {
      await call("disconnect", []).catch(() => undefined);
      await thread.terminate();
    },
  };
}
