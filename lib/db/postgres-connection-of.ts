// The node-postgres connection a Prisma transaction runs on, so a statement
// run on it is part of that transaction. For ingest's bulk statements, where
// Prisma's parameter handling costs more than the statement (docs/benchmarks.md,
// ingest unnest INSERT): every bound value is serialised to JSON and parsed
// back before node-postgres sees it.
//
// Prisma does not expose the connection, so the transaction is asked: a probe
// query with a fresh token goes through it, and the transaction (wrapped by
// create-postgres-adapter-factory.ts) files its connection under that token.
import type { Transaction } from "@prisma/driver-adapter-utils";
import type { Prisma } from "@/lib/generated/sqlite/client";

/** What a transaction's connection must be able to do for its callers here. */
export type PostgresConnection = {
  query<Row = Record<string, unknown>>(
    text: string,
    values: unknown[],
  ): Promise<{ rowCount: number | null; rows: Row[] }>;
};

const probeSql = "SELECT $1::text AS attest_connection_probe";

const reported = new Map<string, PostgresConnection>();
const connectionOfTransaction = new WeakMap<object, PostgresConnection>();
let nextToken = 1;

/** Wraps a transaction of Prisma's adapter so it answers the probe with its connection. */
export function reportConnectionToProbe(transaction: Transaction): Transaction {
  const connection = (transaction as unknown as { client?: unknown }).client;
  const queryRaw = transaction.queryRaw.bind(transaction);
  transaction.queryRaw = (query) => {
    if (query.sql === probeSql && isPostgresConnection(connection)) reported.set(String(query.args[0]), connection);
    return queryRaw(query);
  };
  return transaction;
}

/** The connection `tx` runs on; asked once per transaction. */
export async function postgresConnectionOf(tx: Prisma.TransactionClient): Promise<PostgresConnection> {
  const known = connectionOfTransaction.get(tx);
  if (known) return known;
  const token = `probe-${process.pid}-${nextToken++}`;
  try {
    await tx.$queryRawUnsafe(probeSql, token);
    const connection = reported.get(token);
    if (!connection) {
      throw new Error(
        "This PostgreSQL transaction did not report its connection (a client not made by createDatabaseClient?)",
      );
    }
    connectionOfTransaction.set(tx, connection);
    return connection;
  } finally {
    reported.delete(token);
  }
}

function isPostgresConnection(value: unknown): value is PostgresConnection {
  return typeof (value as { query?: unknown } | null)?.query === "function";
}
