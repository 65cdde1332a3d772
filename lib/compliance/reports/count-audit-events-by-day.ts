// Audit events per UTC day, for trend tables. Date bucketing differs by
// dialect (SQLite stores ISO text, whose first ten characters are the UTC day;
// PostgreSQL's timestamp(3) holds UTC), so this is raw SQL. Its condition is
// the simple shape the reports use — categories, or an action prefix — and
// the content tests check that the days add up to the population it mirrors.
import { sqlTimestamp } from "@/lib/compliance/sql-dialect";
import type { Database } from "@/lib/db";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentFilter } from "./build-agent-filter";
import type { TimeRange } from "./population-source";

export type DayCount = { day: string; count: number };

export async function countAuditEventsByDay(
  db: Database,
  scope: {
    orgId: string;
    range: TimeRange;
    agentFilter: AgentFilter;
    /** Events in these categories… */
    categories: readonly string[];
    /** …or whose action starts with this prefix. */
    actionPrefix?: string;
  },
  provider: DatabaseProvider = getDatabaseProvider(),
): Promise<DayCount[]> {
  const isPostgres = provider === "postgresql";
  const time = (date: Date) =>
    isPostgres
      ? Prisma.sql`${sqlTimestamp(date, provider)}::timestamp(3)`
      : Prisma.sql`${sqlTimestamp(date, provider)}`;
  const day = isPostgres ? Prisma.sql`to_char("occurredAt", 'YYYY-MM-DD')` : Prisma.sql`substr("occurredAt", 1, 10)`;
  const from = scope.range.gte ? Prisma.sql`AND "occurredAt" >= ${time(scope.range.gte)}` : Prisma.empty;
  const prefix = scope.actionPrefix
    ? Prisma.sql`OR "action" LIKE ${`${scope.actionPrefix.replace(/[\\%_]/g, "\\$&")}%`} ESCAPE '\\'`
    : Prisma.empty;
  const ids = scope.agentFilter.agentIds;
  const agents = ids ? Prisma.sql`AND ("agentId" IN (${Prisma.join(ids)}) OR "agentId" IS NULL)` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ day: string; count: bigint | number }>>`
    SELECT ${day} AS "day", COUNT(*) AS "count"
      FROM "AuditEvent"
     WHERE "orgId" = ${scope.orgId}
       ${from}
       AND "occurredAt" < ${time(scope.range.lt)}
       AND ("category" IN (${Prisma.join([...scope.categories])}) ${prefix})
       ${agents}
     GROUP BY 1
     ORDER BY 1`;
  return rows.map((row) => ({ day: row.day, count: Number(row.count) }));
}
