import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toBoolean, toDate, toJson, toNullableString } from "../sql-population";

export type ProcessingActivityRecord = {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  agentId: string | null;
  name: string;
  purpose: string;
  legalBasis: string;
  dataCategories: unknown;
  subjectCategories: unknown;
  recipients: unknown;
  retention: string;
  thirdCountryTransfers: unknown;
  dataSource: string | null;
  automatedDecisionMaking: boolean;
  automatedDecisionLogic: string | null;
};

/** The org's record of processing activities (GDPR Art. 30). */
export function createProcessingActivityPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<ProcessingActivityRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "ProcessingActivity",
    timeColumn: "createdAt",
    columns: Prisma.sql`"id", "createdAt", "updatedAt", "agentId", "name", "purpose", "legalBasis", "dataCategories",
                        "subjectCategories", "recipients", "retention", "thirdCountryTransfers", "dataSource",
                        "automatedDecisionMaking", "automatedDecisionLogic"`,
    toRecord: ([
      id,
      createdAt,
      updatedAt,
      agentId,
      name,
      purpose,
      legalBasis,
      dataCategories,
      subjectCategories,
      recipients,
      retention,
      thirdCountryTransfers,
      dataSource,
      automatedDecisionMaking,
      automatedDecisionLogic,
    ]) => ({
      id: String(id),
      createdAt: toDate(createdAt),
      updatedAt: toDate(updatedAt),
      agentId: toNullableString(agentId),
      name: String(name),
      purpose: String(purpose),
      legalBasis: String(legalBasis),
      dataCategories: toJson(dataCategories),
      subjectCategories: toJson(subjectCategories),
      recipients: toJson(recipients),
      retention: String(retention),
      thirdCountryTransfers: toJson(thirdCountryTransfers),
      dataSource: toNullableString(dataSource),
      automatedDecisionMaking: toBoolean(automatedDecisionMaking),
      automatedDecisionLogic: toNullableString(automatedDecisionLogic),
    }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  });
}
