// What a Prisma client's threaded SQLite adapter and its query thread
// exchange: one request per driver call, answered by id. Transactions are
// named by the id the thread gave them when they began.
import type { MessagePort } from "node:worker_threads";
import type { IsolationLevel, SqlQuery, SqlResultSet, TransactionOptions } from "@prisma/driver-adapter-utils";

/** The query thread's start data; `port` is its end of the channel to the client's thread. */
export type SqliteQueryThreadData = { databaseUrl: string; port: MessagePort };

/** One driver call; the request adds the id its reply will carry. */
export type SqliteQueryCall =
  | { type: "query"; query: SqlQuery; transactionId?: number }
  | { type: "execute"; query: SqlQuery; transactionId?: number }
  | { type: "script"; script: string }
  | { type: "begin"; isolationLevel?: IsolationLevel }
  | { type: "commit"; transactionId: number }
  | { type: "rollback"; transactionId: number }
  | { type: "dispose" };

export type SqliteQueryRequest = { id: number } & SqliteQueryCall;

/** A failure as plain data: DriverAdapterError's `cause` is what Prisma maps to its error codes. */
export type SqliteQueryFailure = { name: string; message: string; cause?: unknown };

/** The answer to "begin": the thread's id for the transaction, and the driver's options for it. */
export type BegunTransaction = { transactionId: number; options: TransactionOptions };

export type SqliteQueryReply =
  | { id: number; ok: true; value: SqlResultSet | BegunTransaction | number | null }
  | { id: number; ok: false; error: SqliteQueryFailure };
