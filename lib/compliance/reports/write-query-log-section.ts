// The database-access section of the SOC2 and Audit Summaries (monitoring,
// CC7.2): who queried which database with what outcome, the denied and the
// anomalous queries (counts grouped in the database over the population's
// own condition), then every logged query of the period (streamed).
import { columnEquals } from "@/lib/db/sql-condition";
import { countPopulationGroups, countPopulationRows, type GroupCount } from "./count-population-groups";
import {
  anomalousQuery,
  bulkReadQuery,
  bulkReadRows,
  queryAnomalyOf,
  slowQueryCondition,
  slowQueryMs,
} from "./query-log-anomalies";
import type { PopulationSource } from "./population-source";
import type { QueryLogRecord } from "./sources/query-log-population";
import type { ReportRun } from "./start-report-run";
import { writePopulationTable } from "./write-population-table";

/** Columns of the section's rows beyond the shared ones (actor, agent, outcome, count…), in CSV order. */
export const queryLogColumns = ["database", "statement", "rows_returned", "duration_ms", "anomaly"] as const;

type ActorGroup = GroupCount<"actorType" | "actorId" | "actorLabel" | "database">;

/** The section's database counts (queried ahead of the section). */
export async function countQueryLogs(run: ReportRun, queries: PopulationSource<QueryLogRecord>) {
  const { db } = run;
  const actorColumns = ["actorType", "actorId", "actorLabel", "database"] as const;
  const actorOrder = ["actorType", "actorLabel", "actorId", "database"] as const;
  const byActor = await countPopulationGroups(db, queries, [...actorColumns, "outcome"], {
    orderBy: [...actorOrder, "outcome"],
  });
  const byDatabase = await countPopulationGroups(db, queries, ["database", "outcome"]);
  const deniedByActor = await countPopulationGroups(db, queries, actorColumns, {
    and: columnEquals("outcome", "denied"),
    orderBy: actorOrder,
  });
  const anomalousByActor = await countPopulationGroups(db, queries, actorColumns, {
    and: anomalousQuery,
    orderBy: actorOrder,
  });
  const bulkReads = await countPopulationRows(db, queries, bulkReadQuery);
  const slowQueries = await countPopulationRows(db, queries, slowQueryCondition);
  return { byActor, byDatabase, deniedByActor, anomalousByActor, bulkReads, slowQueries };
}

export async function writeQueryLogSection(
  run: ReportRun,
  queries: PopulationSource<QueryLogRecord>,
  counts: Awaited<ReturnType<typeof countQueryLogs>>,
  { key, criteria }: { key: string; criteria: string[] },
): Promise<void> {
  const { output, agentFilter, agents } = run;
  const { byActor, byDatabase, deniedByActor, anomalousByActor, bulkReads, slowQueries } = counts;
  const outcomeCount = (outcome: string) =>
    byDatabase.filter((group) => group.outcome === outcome).reduce((sum, group) => sum + group.count, 0);
  const actorRow = (group: ActorGroup) => ({
    actor_type: group.actorType,
    actor_id: group.actorId,
    actor: group.actorLabel,
    database: group.database,
  });

  await output.startSection(key, {
    title: "Database access (query logs)",
    description:
      "Queries people and agents ran against the business databases in the period: by actor and database with their " +
      "outcome, the denied queries by actor, and the anomalous ones — successful or not, a query that returned " +
      `${bulkReadRows} rows or more (bulk read) or ran ${slowQueryMs} ms or more (slow) — counted in the database ` +
      `(${anomalousQuery.text}); then every logged query of the period (population), each flagged with its anomaly. ` +
      agentFilter.note,
    criteria,
    summary: {
      queries: run.manifestOf(queries).rowCount,
      succeeded: outcomeCount("success"),
      failed: outcomeCount("failure"),
      denied: outcomeCount("denied"),
      anomalous: anomalousByActor.reduce((sum, group) => sum + group.count, 0),
      bulkReads,
      slowQueries,
      bulkReadRows,
      slowQueryMs,
    },
  });
  await output.writeTable(
    "counts_by_actor",
    byActor.map((group) => ({ ...actorRow(group), outcome: group.outcome, count: group.count })),
  );
  await output.writeTable(
    "counts_by_database",
    byDatabase.map((group) => ({ database: group.database, outcome: group.outcome, count: group.count })),
  );
  await output.writeTable(
    "denied_by_actor",
    deniedByActor.map((group) => ({ ...actorRow(group), count: group.count })),
  );
  await output.writeTable(
    "anomalous_by_actor",
    anomalousByActor.map((group) => ({ ...actorRow(group), count: group.count })),
  );
  await writePopulationTable({
    ...run,
    table: "queries",
    source: queries,
    manifest: run.manifestOf(queries),
    toRow: (query) => ({
      occurred_at: query.occurredAt,
      id: query.id,
      actor_type: query.actorType,
      actor_id: query.actorId,
      actor: query.actorLabel,
      agent_id: query.agentId,
      agent_name: agents.nameOf(query.agentId),
      database: query.database,
      statement: query.statement,
      rows_returned: query.rowsReturned,
      duration_ms: query.durationMs,
      outcome: query.outcome,
      anomaly: queryAnomalyOf(query),
    }),
  });
  await output.endSection();
}
