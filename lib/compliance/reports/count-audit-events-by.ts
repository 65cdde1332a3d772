import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import type { Database } from "@/lib/db";
import type { SqlCondition } from "@/lib/db/sql-condition";
import { auditEventDayColumn } from "./audit-event-day-column";
import { countPopulationGroupSets } from "./count-population-group-sets";
import type { GroupCount } from "./count-population-groups";
import type { PopulationSource } from "./population-source";
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
  day: "day",
} as const;
export type AuditGroupField = keyof typeof columnOf;

/** One list of report rows per grouping. */
type ReportRowsOf<Sets extends readonly unknown[]> = { -readonly [Index in keyof Sets]: ReportRow[] };

/**
 * Counts a population's audit events (narrowed by `and`) by each grouping in
 * `sets`, counted together where the database can, as report rows: one column
 * per field plus `count`, and `agent_name` when grouped by agent; each
 * grouping ordered by its fields. `day` is the event's UTC day.
 */
export async function countAuditEventsBySets<const Sets extends readonly (readonly AuditGroupField[])[]>(
  db: Database,
  events: Pick<PopulationSource<unknown>, "table" | "where">,
  sets: Sets,
  agents: AgentDirectory,
  and?: SqlCondition,
): Promise<ReportRowsOf<Sets>> {
  const counted: Array<Array<GroupCount<AuditGroupField>>> = await countPopulationGroupSets(db, events, sets, {
    and,
    derived: auditEventDayColumn(db),
  });
  return counted.map((groups, index) => toReportRows(groups, sets[index]!, agents)) as ReportRowsOf<Sets>;
}

function toReportRows(
  groups: ReadonlyArray<GroupCount<AuditGroupField>>,
  by: readonly AuditGroupField[],
  agents: AgentDirectory,
): ReportRow[] {
  return groups.map((group) => {
    const row: ReportRow = {};
    for (const field of by) {
      row[columnOf[field]] = group[field];
      if (field === "agentId") row.agent_name = agents.nameOf(group.agentId);
    }
    row.count = group.count;
    return row;
  });
}

/** The total of a grouped count's rows (the database did the counting; this adds a handful of groups). */
export function sumCounts(rows: readonly ReportRow[], match: (row: ReportRow) => boolean = () => true): number {
  return rows.filter(match).reduce((sum, row) => sum + (typeof row.count === "number" ? row.count : 0), 0);
}
