import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toIsoTimestamp, toNullableString, type IsoTimestamp } from "../sql-population";

export type QueryLogRecord = {
  id: string;
  occurredAt: IsoTimestamp;
  agentId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  database: string;
  statement: string;
  rowsReturned: number;
  durationMs: number;
  outcome: string;
};

/** Database-access query log entries: who ran which statement on which database, and what came of it. */
export function createQueryLogPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<QueryLogRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "QueryLog",
    timeColumn: "occurredAt",
    columns: Prisma.sql`"id", "occurredAt", "agentId", "actorType", "actorId", "actorLabel", "database", "statement",
      "rowsReturned", "durationMs", "outcome"`,
    toRecord: ([
      id,
      occurredAt,
      agentId,
      actorType,
      actorId,
      actorLabel,
      database,
      statement,
      rowsReturned,
      durationMs,
      outcome,
    ]) => ({
      id: String(id),
      occurredAt: toIsoTimestamp(occurredAt),
      agentId: toNullableString(agentId),
      actorType: String(actorType),
      actorId: toNullableString(actorId),
      actorLabel: toNullableString(actorLabel),
      database: String(database),
      statement: String(statement),
      rowsReturned: Number(rowsReturned),
      durationMs: Number(durationMs),
      outcome: String(outcome),
    }),
    keyOf: (row) => ({ at: new Date(row.occurredAt), id: row.id }),
  });
}
