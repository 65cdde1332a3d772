// A DateTime exactly as Prisma stores it. SQLite: the better-sqlite3 adapter
// writes ISO-8601 with "+00:00" (not toISOString()'s "Z"); the column is text
// and compares as text, so any other form breaks equality filters and ordering.
// PostgreSQL: timestamp(3) reads the ISO text as UTC.
import type { DatabaseProvider } from "@/lib/db/database-url";

export function formatDatabaseTimestamp(ms: number, provider: DatabaseProvider): string {
  const iso = new Date(ms).toISOString();
  return provider === "sqlite" ? `${iso.slice(0, -1)}+00:00` : iso;
}
