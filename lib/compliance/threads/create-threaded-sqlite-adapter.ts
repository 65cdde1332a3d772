// A Prisma driver adapter whose SQLite connection lives in a query thread
// (lib/compliance/threads/query-thread-worker.ts for report workers): every driver call is posted over a
// MessagePort and answered there, so the calling thread never blocks on
// better-sqlite3. Errors come back as DriverAdapterErrors with their cause, so
// Prisma maps them to the same error codes as in-thread. If the port closes,
// every call in flight and every later one fails.
import type { MessagePort } from "node:worker_threads";
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import type {
  BegunTransaction,
  SqliteQueryCall,
  SqliteQueryFailure,
  SqliteQueryReply,
  SqliteQueryRequest,
} from "@/lib/compliance/threads/sqlite-query-thread-protocol";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

const adapterName = "attest-threaded-better-sqlite3";

export function createThreadedSqliteAdapter(port: MessagePort): SqlDriverAdapterFactory {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed: Error | null = null;

  port.on("message", (reply: SqliteQueryReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiter) return;
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(toError(reply.error));
  });
  port.on("close", () => {
    closed ??= new Error("The SQLite query thread stopped");
    for (const waiter of pending.values()) waiter.reject(closed);
    pending.clear();
  });

  const call = <T>(request: SqliteQueryCall): Promise<T> => {
    if (closed) return Promise.reject(closed);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      port.postMessage({ id, ...request } satisfies SqliteQueryRequest);
    });
  };

  const queryable = (transactionId?: number) => ({
    provider: "sqlite" as const,
    adapterName,
    queryRaw: (query: SqlQuery) => call<SqlResultSet>({ type: "query", query, transactionId }),
    executeRaw: (query: SqlQuery) => call<number>({ type: "execute", query, transactionId }),
  });

  const adapter: SqlDriverAdapter = {
    ...queryable(),
    executeScript: (script) => call<null>({ type: "script", script }).then(() => undefined),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const { transactionId, options } = await call<BegunTransaction>({ type: "begin", isolationLevel });
      return {
        ...queryable(transactionId),
        options,
        commit: () => call<null>({ type: "commit", transactionId }).then(() => undefined),
        rollback: () => call<null>({ type: "rollback", transactionId }).then(() => undefined),
      };
    },
    async dispose() {
      if (closed) return;
      await call<null>({ type: "dispose" });
      closed = new Error("The SQLite query thread's connection was closed");
      port.close();
    },
  };

  return {
    provider: "sqlite",
    adapterName,
    connect: async () => adapter,
  };
}

function toError(failure: SqliteQueryFailure): Error {
  if (failure.name === "DriverAdapterError" && typeof failure.cause === "object" && failure.cause !== null) {
    return new DriverAdapterError(failure.cause as ConstructorParameters<typeof DriverAdapterError>[0]);
  }
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}
