// A report worker's SQLite query thread: runs the driver calls of a Prisma client that lives
// in another thread (createThreadedSqliteAdapter) on a better-sqlite3
// connection of its own. better-sqlite3 is synchronous, so a long aggregate
// query blocks the thread that runs it; here that is this thread, and the
// client's thread keeps working meanwhile (a report worker streams its
// populations while its section counts run).
import { workerData } from "node:worker_threads";
import type { SqlDriverAdapter, Transaction } from "@prisma/driver-adapter-utils";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";
import { createSqliteAdapterFactory } from "@/lib/db/create-sqlite-adapter-factory";
import type {
  SqliteQueryFailure,
  SqliteQueryReply,
  SqliteQueryRequest,
  SqliteQueryThreadData,
} from "@/lib/compliance/threads/sqlite-query-thread-protocol";

const { databaseUrl, port } = workerData as SqliteQueryThreadData;
lowerThreadPriority();
const connecting = createSqliteAdapterFactory(databaseUrl).connect();
const transactions = new Map<number, Transaction>();
let nextTransactionId = 1;

port.on("message", (request: SqliteQueryRequest) => {
  void connecting
    .then((adapter) => run(adapter, request))
    .then(
      (value) => reply({ id: request.id, ok: true, value }),
      (error: unknown) => reply({ id: request.id, ok: false, error: toFailure(error) }),
    );
});
// The client's thread is gone: close the connection, and this thread ends.
port.on("close", () => void connecting.then((adapter) => adapter.dispose()).catch(() => undefined));

async function run(adapter: SqlDriverAdapter, request: SqliteQueryRequest) {
  switch (request.type) {
    case "query":
      return queryableOf(adapter, request.transactionId).queryRaw(request.query);
    case "execute":
      return queryableOf(adapter, request.transactionId).executeRaw(request.query);
    case "script":
      await adapter.executeScript(request.script);
      return null;
    case "begin": {
      const transaction = await adapter.startTransaction(request.isolationLevel);
      const transactionId = nextTransactionId++;
      transactions.set(transactionId, transaction);
      return { transactionId, options: transaction.options };
    }
    case "commit":
    case "rollback": {
      const transaction = transactionOf(request.transactionId);
      transactions.delete(request.transactionId);
      await (request.type === "commit" ? transaction.commit() : transaction.rollback());
      return null;
    }
    case "dispose":
      await adapter.dispose();
      return null;
  }
}

/** A value the port cannot copy fails that one call, not the thread. */
function reply(message: SqliteQueryReply): void {
  try {
    port.postMessage(message);
  } catch (error) {
    port.postMessage({ id: message.id, ok: false, error: toFailure(error) } satisfies SqliteQueryReply);
  }
}

function queryableOf(adapter: SqlDriverAdapter, transactionId: number | undefined) {
  return transactionId === undefined ? adapter : transactionOf(transactionId);
}

function transactionOf(id: number): Transaction {
  const transaction = transactions.get(id);
  if (!transaction) throw new Error(`No open transaction ${id} on the SQLite query thread`);
  return transaction;
}

function toFailure(error: unknown): SqliteQueryFailure {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  // DriverAdapterError's cause is plain data ({ kind, … }); other causes may not clone.
  const cause = error.name === "DriverAdapterError" ? error.cause : undefined;
  return { name: error.name, message: error.message, cause };
}
