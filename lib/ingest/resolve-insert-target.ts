// Where a client's ingest transactions insert their rows (insert-rows.ts): on
// SQLite the better-sqlite3 connection under the Prisma client, which its
// transactions run on.
import type { Database } from "@/lib/db/database";
import { providerOf } from "@/lib/db/raw-sql-of";
import { sqliteConnectionOf } from "@/lib/db/sqlite-connection-of";
import type { InsertTarget } from "@/lib/ingest/insert-rows";

export async function resolveInsertTarget(database: Database): Promise<InsertTarget> {
  if (providerOf(database) === "postgresql") return { provider: "postgresql" };
  const connection = await sqliteConnectionOf(database);
  if (!connection) throw new Error("Ingest on SQLite needs a client on a connection of its own in this thread");
  return { provider: "sqlite", connection };
}
