// Denied agent actions grouped by agent and the denial reason. The reason
// lives in the event's JSON metadata, which Prisma's groupBy cannot reach, so
// this is raw SQL; the dialects differ only in JSON access.
import type { Database } from "@/lib/db";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import { auditEventSelectionSql, sqlTimeRange, type AuditEventSelection } from "./audit-event-selection";
import type { TimeRange } from "./population-source";

export type DenialCount = { agentId: string | null; reason: string | null; count: number };

export async function countDenialsByAgentAndReason(
  db: Database,
  selection: AuditEventSelection,
  range: TimeRange,
): Promise<DenialCount[]> {
  const { dialect } = reportEngineProfileOf(db);
  const reason = dialect.jsonFieldText(Prisma.raw(`"metadata"`), "reason");
  const rows = await db.$queryRaw<Array<{ agentId: string | null; reason: string | null; count: bigint | number }>>`
    SELECT "agentId" AS "agentId", ${reason} AS "reason", COUNT(*) AS "count"
      FROM "AuditEvent"
     WHERE ${auditEventSelectionSql(selection)}
       AND ${sqlTimeRange("occurredAt", range, dialect)}
     GROUP BY 1, 2
     ORDER BY 3 DESC, 1, 2`;
  return rows.map((row) => ({ agentId: row.agentId, reason: row.reason, count: Number(row.count) }));
}
