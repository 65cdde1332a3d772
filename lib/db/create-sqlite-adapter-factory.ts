import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { getSqliteFilePath } from "@/lib/db/database-url";

/** Prisma's better-sqlite3 adapter for a `file:` URL, as every SQLite client of ours opens it. */
export function createSqliteAdapterFactory(url: string): PrismaBetterSqlite3 {
  const file = getSqliteFilePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The file is in WAL mode (set when migrated), so readers never wait; a
  // writer waits out another writer (busy_timeout) instead of failing with SQLITE_BUSY.
  return new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 10_000 });
}
