// The better-sqlite3 connection under a SQLite Prisma client: the one its
// transactions run on, so a statement run on it inside `$transaction` is part
// of that transaction. For bulk inserts, where Prisma's per-call cost is most
// of the time (docs/benchmarks.md, ingest prepared INSERT).
import type SqliteDatabase from "better-sqlite3";
import type { Database } from "@/lib/db/database";
import type { SqliteAdapterFactory } from "@/lib/db/create-sqlite-adapter-factory";

// On globalThis, like the client itself (raw-sql-of.ts).
const registry = globalThis as unknown as { attestSqliteFactoryOfClient?: WeakMap<object, SqliteAdapterFactory> };
const factoryOfClient = (registry.attestSqliteFactoryOfClient ??= new WeakMap());

/** Called by createDatabaseClient for a client on its own in-thread connection. */
export function registerSqliteAdapterFactory(client: object, factory: SqliteAdapterFactory): void {
  factoryOfClient.set(client, factory);
}

/**
 * The client's connection, opened if it was not yet; null for PostgreSQL and
 * for a client whose queries run elsewhere (a report's query thread).
 */
export async function sqliteConnectionOf(database: Database): Promise<SqliteDatabase.Database | null> {
  const factory = factoryOfClient.get(database);
  if (!factory) return null;
  if (!factory.connection()) await database.$connect();
  return factory.connection();
}
