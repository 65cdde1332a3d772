import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toDate, toJson } from "../sql-population";

export type AgentRecord = {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  name: string;
  emailAddress: string;
  status: string;
  allowedTools: unknown;
  allowedRecipientDomains: unknown;
  dailySendLimit: number;
};

/** Agents with their permission boundaries as they stand. */
export function createAgentPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<AgentRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "Agent",
    timeColumn: "createdAt",
    columns: Prisma.sql`"id", "createdAt", "updatedAt", "name", "emailAddress", "status",
                        "allowedTools", "allowedRecipientDomains", "dailySendLimit"`,
    toRecord: ([
      id,
      createdAt,
      updatedAt,
      name,
      emailAddress,
      status,
      allowedTools,
      allowedRecipientDomains,
      dailySendLimit,
    ]) => ({
      id: String(id),
      createdAt: toDate(createdAt),
      updatedAt: toDate(updatedAt),
      name: String(name),
      emailAddress: String(emailAddress),
      status: String(status),
      allowedTools: toJson(allowedTools),
      allowedRecipientDomains: toJson(allowedRecipientDomains),
      dailySendLimit: Number(dailySendLimit),
    }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  });
}
