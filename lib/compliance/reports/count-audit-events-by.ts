import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentDirectory } from "./load-agent-directory";

/** Audit event fields a report groups by, and the column each becomes. */
const columnOf = {
  category: "category",
  action: "action",
  outcome: "outcome",
  actorType: "actor_type",
  actorId: "actor_id",
  actorLabel: "actor",
  agentId: "agent_id",
  targetType: "target_type",
  targetId: "target_id",
} as const;
export type AuditGroupField = keyof typeof columnOf;

/**
 * Counts audit events grouped by `by` in the database (one GROUP BY), as
 * report rows: one column per field plus `count`, and `agent_name` when
 * grouped by agent. Ordered by the grouping fields.
 */
export async function countAuditEventsBy(
  db: Database,
  where: Prisma.AuditEventWhereInput,
  by: readonly AuditGroupField[],
  agents: AgentDirectory,
): Promise<ReportRow[]> {
  // Prisma's groupBy types need a literal `by`; this helper takes it as data,
  // so the arguments and result are typed here by hand instead.
  const groups = (await db.auditEvent.groupBy({
    by: [...by],
    where,
    _count: { _all: true },
    orderBy: by.map((field) => ({ [field]: "asc" })),
  } as never)) as unknown as Array<Record<AuditGroupField, string | null> & { _count: { _all: number } }>;
  return groups.map((group) => {
    const row: ReportRow = {};
    for (const field of by) {
      row[columnOf[field]] = group[field];
      if (field === "agentId") row.agent_name = agents.nameOf(group.agentId);
    }
    row.count = group._count._all;
    return row;
  });
}

/** The total of a grouped count's rows (the database did the counting; this adds a handful of groups). */
export function sumCounts(rows: readonly ReportRow[], match: (row: ReportRow) => boolean = () => true): number {
  return rows.filter(match).reduce((sum, row) => sum + (typeof row.count === "number" ? row.count : 0), 0);
}
