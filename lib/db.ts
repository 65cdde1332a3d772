// The one Prisma client of a process. The driver adapter follows DATABASE_URL:
// `file:` → better-sqlite3 (embedded default), `postgres://` → node-postgres.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqlitePrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/postgresql/client";
import { getDatabaseProvider, getDatabaseUrl, getSqliteFilePath } from "@/lib/db/database-url";
import { registerDatabaseUrl } from "@/lib/db/raw-sql-of";

/**
 * Both generated clients are built from the same models, so their query API is
 * the same; the SQLite client's type stands for both.
 */
export type Database = SqlitePrismaClient;

export const databaseProvider = getDatabaseProvider();

export function createDatabaseClient(url = getDatabaseUrl()): Database {
  if (getDatabaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const client = new PostgresPrismaClient({ adapter }) as unknown as Database;
    registerDatabaseUrl(client, url);
    return client;
  }
  const file = getSqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets report workers write while requests read; busy_timeout waits out
  // a writer instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 });
  const client = new SqlitePrismaClient({ adapter });
  registerDatabaseUrl(client, url);
  return client;
}

const globalForDb = globalThis as unknown as { attestDb?: Database };

/** Cached on globalThis so hot reloads and test files reuse one client. */
export const db: Database = globalForDb.attestDb ?? createDatabaseClient();
globalForDb.attestDb = db;
