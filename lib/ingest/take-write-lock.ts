// Makes a transaction that reads before it writes safe on SQLite. Prisma's
// better-sqlite3 adapter opens transactions with a deferred BEGIN, so the first
// read pins a WAL snapshot; if another connection (a report worker thread, a
// second process) commits before this transaction's first write, that write
// fails at once with SQLITE_BUSY_SNAPSHOT — busy_timeout cannot help. A no-op
// UPDATE as the first statement takes the write lock before any snapshot,
// waiting out other writers within busy_timeout, like BEGIN IMMEDIATE.
// PostgreSQL needs nothing: row locks and unique keys order concurrent writers.
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";

export async function takeWriteLock(
  tx: IngestTransaction,
  provider: DatabaseProvider = getDatabaseProvider(),
): Promise<void> {
  if (provider !== "sqlite") return;
  await tx.$executeRawUnsafe('UPDATE "Organization" SET "id" = "id" WHERE 0');
}
