// Denied agent actions grouped by agent and the denial reason, over a
// population's own condition. The reason lives in the event's JSON metadata,
// read the dialect's way.
import type { Database } from "@/lib/db";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource } from "./population-source";

export type DenialCount = { agentId: string | null; reason: string | null; count: number };

export async function countDenialsByAgentAndReason(
  db: Database,
  events: Pick<PopulationSource<unknown>, "where">,
): Promise<DenialCount[]> {
  const reason = reportEngineProfileOf(db).dialect.jsonFieldText(Prisma.raw(`"metadata"`), "reason");
  const rows = await db.$queryRaw<Array<{ agentId: string | null; reason: string | null; count: bigint | number }>>`
    SELECT "agentId" AS "agentId", ${reason} AS "reason", COUNT(*) AS "count"
      FROM "AuditEvent"
     WHERE ${events.where}
     GROUP BY 1, 2
     ORDER BY 3 DESC, 1, 2`;
  return rows.map((row) => ({ agentId: row.agentId, reason: row.reason, count: Number(row.count) }));
}
