// A string filter "contains `text`, ignoring case" on either database.
// Prisma renders `contains` as LIKE/ILIKE '%text%' without escaping `%` and `_`.
// PostgreSQL needs `mode: "insensitive"` (ILIKE), and its LIKE escapes with a
// backslash by default, so the text is matched literally. SQLite refuses `mode`,
// its LIKE ignores case for ASCII letters only, and it has no escape character
// unless the SQL names one: there `%` and `_` in `text` still act as wildcards
// (a broader match, never a missed one).
import type { Database } from "@/lib/db/database";
import { providerOf } from "@/lib/db/raw-sql-of";

export function containsIgnoringCase(database: Database, text: string): { contains: string } {
  if (providerOf(database) === "postgresql") {
    const literal = text.replace(/[\\%_]/g, (character) => `\\${character}`);
    // The SQLite client's types stand for both clients and do not know `mode`.
    return { contains: literal, mode: "insensitive" } as { contains: string };
  }
  return { contains: text };
}
