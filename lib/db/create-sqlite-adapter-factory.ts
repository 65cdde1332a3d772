import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import SqliteDatabase from "better-sqlite3";
import { getSqliteFilePath } from "@/lib/db/database-url";

/** The adapter factory, and the better-sqlite3 connection it opened once Prisma has connected. */
export type SqliteAdapterFactory = SqlDriverAdapterFactory & { connection(): SqliteDatabase.Database | null };

/** Prisma's better-sqlite3 adapter for a `file:` URL, as every SQLite client of ours opens it. */
export function createSqliteAdapterFactory(url: string): SqliteAdapterFactory {
  const file = getSqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The file is in WAL mode (set when migrated), so readers never wait; a
  // writer waits out another writer (busy_timeout) instead of failing with SQLITE_BUSY.
  const factory = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 });
  let connection: SqliteDatabase.Database | null = null;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connection: () => connection,
    async connect() {
      const adapter = await factory.connect();
      // What Prisma writes (ingested records, audit events, statements, settings)
      // is acknowledged once committed, so each commit waits for the WAL to reach
      // the disk; better-sqlite3's build defaults WAL databases to NORMAL, which a
      // power cut can roll back. Regenerable report chunks use raw connections (raw-sql.ts).
      await adapter.executeScript("PRAGMA synchronous = FULL");
      // The adapter's one connection, which its transactions run on: bulk
      // inserts inside a Prisma transaction use it directly (lib/db/sqlite-connection-of.ts).
      const client = (adapter as unknown as { client?: unknown }).client;
      connection = client instanceof SqliteDatabase ? client : null;
      return adapter;
    },
  };
}
