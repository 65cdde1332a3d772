// The one Prisma client of a process. The driver adapter follows DATABASE_URL:
// `file:` → better-sqlite3 (embedded default), `postgres://` → node-postgres.
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient as SqlitePrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { createPostgresAdapterFactory } from "@/lib/db/create-postgres-adapter-factory";
import { createSqliteAdapterFactory } from "@/lib/db/create-sqlite-adapter-factory";
import { getDatabaseProvider, getDatabaseUrl } from "@/lib/db/database-url";
import type { Database } from "@/lib/db/database";
import { registerDatabaseUrl } from "@/lib/db/raw-sql-of";
import { registerSqliteAdapterFactory } from "@/lib/db/sqlite-connection-of";
import { getEnv } from "@/lib/env";

export type { Database } from "@/lib/db/database";

export const databaseProvider = getDatabaseProvider();

type ClientOptions = {
  /** SQLite only: the driver adapter to use instead of an in-thread better-sqlite3 connection. */
  sqliteAdapter?: SqlDriverAdapterFactory;
};

export function createDatabaseClient(url = getDatabaseUrl(), options: ClientOptions = {}): Database {
  if (getDatabaseProvider(url) === "postgresql") {
    const adapter = createPostgresAdapterFactory(url, getEnv().DATABASE_POOL_SIZE);
    const client = new PostgresPrismaClient({ adapter }) as unknown as Database;
    registerDatabaseUrl(client, url);
    return client;
  }
  if (options.sqliteAdapter) {
    const client = new SqlitePrismaClient({ adapter: options.sqliteAdapter });
    registerDatabaseUrl(client, url);
    return client;
  }
  const adapter = createSqliteAdapterFactory(url);
  const client = new SqlitePrismaClient({ adapter });
  registerDatabaseUrl(client, url);
  registerSqliteAdapterFactory(client, adapter);
  return client;
}

const globalForDb = globalThis as unknown as { attestDb?: Database };

/** Cached on globalThis so hot reloads and test files reuse one client. */
export const db: Database = globalForDb.attestDb ?? createDatabaseClient();
globalForDb.attestDb = db;
