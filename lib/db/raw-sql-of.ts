// The raw driver connection that goes with a Prisma client: same database, opened
// on first use, one per client (so a worker thread's client gets its own).
import type { Database } from "@/lib/db/database";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import { createRawSql, type RawSql } from "@/lib/db/raw-sql";

// On globalThis, like the client itself: a hot reload re-evaluates this module
// but hands back the cached client, which must still find its URL.
const registry = globalThis as unknown as {
  attestUrlOfClient?: WeakMap<object, string>;
  attestRawSqlOfClient?: WeakMap<object, RawSql>;
};
const urlOfClient = (registry.attestUrlOfClient ??= new WeakMap());
const rawSqlOfClient = (registry.attestRawSqlOfClient ??= new WeakMap());

/** Called by createDatabaseClient: remembers which database a client opened. */
export function registerDatabaseUrl(client: object, url: string): void {
  urlOfClient.set(client, url);
}

/** The URL a client was opened on (a thread of its own opens the same database). */
export function databaseUrlOf(database: Database): string {
  const url = urlOfClient.get(database);
  if (!url) throw new Error("This database client was not made by createDatabaseClient");
  return url;
}

/** Which database a client talks to, without opening a raw connection. */
export function providerOf(database: Database): DatabaseProvider {
  return getDatabaseProvider(databaseUrlOf(database));
}

export function rawSqlOf(database: Database): RawSql {
  let raw = rawSqlOfClient.get(database);
  if (!raw) {
    raw = createRawSql(databaseUrlOf(database));
    rawSqlOfClient.set(database, raw);
  }
  return raw;
}

/** Disconnects the client and closes its raw connection, if one was opened. */
export async function closeDatabaseClient(database: Database): Promise<void> {
  const raw = rawSqlOfClient.get(database);
  rawSqlOfClient.delete(database);
  await Promise.all([database.$disconnect(), raw?.close()]);
}
