// Denied agent actions grouped by agent and the denial reason. The reason
// lives in the event's JSON metadata, which Prisma's groupBy cannot reach, so
// this is the one raw query of the report builders; its dialects differ only
// in JSON access and timestamp binding (the engine's sqlTimestamp: SQLite
// compares Prisma's stored "+00:00" text, so a "Z" bound would misplace rows
// at the exact period edges).
import type { Database } from "@/lib/db";
import { getDatabaseProvider, type DatabaseProvider } from "@/lib/db/database-url";
import { sqlTimestamp } from "@/lib/compliance/sql-dialect";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentFilter } from "./build-agent-filter";

export type DenialCount = { agentId: string | null; reason: string | null; count: number };

export async function countDenialsByAgentAndReason(
  db: Database,
  scope: { orgId: string; range: { gte?: Date; lt: Date }; agentFilter: AgentFilter },
  provider: DatabaseProvider = getDatabaseProvider(),
): Promise<DenialCount[]> {
  const isPostgres = provider === "postgresql";
  const time = (date: Date) =>
    isPostgres
      ? Prisma.sql`${sqlTimestamp(date, provider)}::timestamp(3)`
      : Prisma.sql`${sqlTimestamp(date, provider)}`;
  const reason = isPostgres ? Prisma.sql`"metadata"->>'reason'` : Prisma.sql`json_extract("metadata", '$.reason')`;
  const from = scope.range.gte ? Prisma.sql`AND "occurredAt" >= ${time(scope.range.gte)}` : Prisma.empty;
  const ids = scope.agentFilter.agentIds;
  const agents = ids ? Prisma.sql`AND ("agentId" IN (${Prisma.join(ids)}) OR "agentId" IS NULL)` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ agentId: string | null; reason: string | null; count: bigint | number }>>`
    SELECT "agentId" AS "agentId", ${reason} AS "reason", COUNT(*) AS "count"
      FROM "AuditEvent"
     WHERE "orgId" = ${scope.orgId}
       AND "category" = 'agent_enforcement'
       ${from}
       AND "occurredAt" < ${time(scope.range.lt)}
       ${agents}
     GROUP BY 1, 2
     ORDER BY 3 DESC, 1, 2`;
  return rows.map((row) => ({ agentId: row.agentId, reason: row.reason, count: Number(row.count) }));
}
