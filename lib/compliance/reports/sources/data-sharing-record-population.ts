import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toDate, toJson, toNullableString } from "../sql-population";

export type DataSharingRecordRecord = {
  id: string;
  sharedAt: Date;
  agentId: string | null;
  recipientName: string;
  recipientDomain: string | null;
  recipientCountry: string | null;
  purpose: string;
  legalBasis: string;
  dataCategories: unknown;
  transferMechanism: string | null;
  recordCount: number;
};

/** Disclosures of personal data to third parties. */
export function createDataSharingRecordPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<DataSharingRecordRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "DataSharingRecord",
    timeColumn: "sharedAt",
    columns: Prisma.sql`"id", "sharedAt", "agentId", "recipientName", "recipientDomain", "recipientCountry", "purpose",
                        "legalBasis", "dataCategories", "transferMechanism", "recordCount"`,
    toRecord: ([
      id,
      sharedAt,
      agentId,
      recipientName,
      recipientDomain,
      recipientCountry,
      purpose,
      legalBasis,
      dataCategories,
      transferMechanism,
      recordCount,
    ]) => ({
      id: String(id),
      sharedAt: toDate(sharedAt),
      agentId: toNullableString(agentId),
      recipientName: String(recipientName),
      recipientDomain: toNullableString(recipientDomain),
      recipientCountry: toNullableString(recipientCountry),
      purpose: String(purpose),
      legalBasis: String(legalBasis),
      dataCategories: toJson(dataCategories),
      transferMechanism: toNullableString(transferMechanism),
      recordCount: Number(recordCount),
    }),
    keyOf: (row) => ({ at: row.sharedAt, id: row.id }),
  });
}
