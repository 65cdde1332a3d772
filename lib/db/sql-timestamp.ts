// A Date as the text each database stores and compares. SQLite: the
// better-sqlite3 adapter writes DateTime as ISO-8601 with a "+00:00" offset
// (not "Z"), and the column compares as text, so raw SQL must bind exactly that
// form for equality and ordering. PostgreSQL: timestamp(3) (UTC, no zone) reads
// ISO text as UTC.
import type { DatabaseProvider } from "@/lib/db/database-url";

export function sqlTimestamp(date: Date, provider: DatabaseProvider): string {
  const iso = date.toISOString();
  return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso;
}
