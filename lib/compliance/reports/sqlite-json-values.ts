// Values of the report rows SQLite renders itself (json_object), written to
// give exactly the text node's row functions give for the same record.
import { Prisma } from "@/lib/generated/sqlite/client";
import { quoteColumn } from "@/lib/db/sql-condition";

/** A stored timestamp as toIsoTimestamp prints it: the stored text rewritten, any other form through SQLite's dates. */
export function sqliteIsoTimestamp(column: string): Prisma.Sql {
  const value = quoteColumn(column);
  return Prisma.sql`CASE WHEN length(${value}) = 29 AND substr(${value}, 24) = '+00:00'
    THEN substr(${value}, 1, 23) || 'Z' ELSE strftime('%Y-%m-%dT%H:%M:%fZ', ${value}) END`;
}

/** The name of the row's agent, as AgentDirectory.nameOf gives it: the org's agents only, null for none. */
export function sqliteAgentName(table: string): Prisma.Sql {
  const row = quoteColumn(table);
  return Prisma.sql`(SELECT "Agent"."name" FROM "Agent"
    WHERE "Agent"."id" = ${row}."agentId" AND "Agent"."orgId" = ${row}."orgId")`;
}
