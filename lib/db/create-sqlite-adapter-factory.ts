import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { getSqliteFilePath } from "@/lib/db/database-url";

/** Prisma's better-sqlite3 adapter for a `file:` URL, as every SQLite client of ours opens it. */
export function createSqliteAdapterFactory(url: string): SqlDriverAdapterFactory {
  const file = getSqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The file is in WAL mode (set when migrated), so readers never wait; a
  // writer waits out another writer (busy_timeout) instead of failing with SQLITE_BUSY.
  const factory = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      // What Prisma writes (ingested records, audit events, statements, settings)
      // is acknowledged once committed, so each commit waits for the WAL to reach
      // the disk; better-sqlite3's build defaults WAL databases to NORMAL, which a
      // power cut can roll back. Regenerable report chunks use raw connections (raw-sql.ts).
      await adapter.executeScript("PRAGMA synchronous = FULL");
      return adapter;
    },
  };
}
