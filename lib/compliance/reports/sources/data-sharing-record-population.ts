import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

const select = {
  id: true,
  sharedAt: true,
  agentId: true,
  recipientName: true,
  recipientDomain: true,
  recipientCountry: true,
  purpose: true,
  legalBasis: true,
  dataCategories: true,
  transferMechanism: true,
  recordCount: true,
} satisfies Prisma.DataSharingRecordSelect;

export type DataSharingRecordRecord = Prisma.DataSharingRecordGetPayload<{ select: typeof select }>;

export function createDataSharingRecordPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.DataSharingRecordWhereInput },
): PopulationSource<DataSharingRecordRecord> {
  const { where } = spec;
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.dataSharingRecord.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "sharedAt",
        await db.dataSharingRecord.findFirst({
          where,
          orderBy: keysetOrder("sharedAt", direction),
          select: { id: true, sharedAt: true },
        }),
      ),
    page: (after, take) =>
      db.dataSharingRecord.findMany({
        where: after ? { AND: [where, afterKeyset("sharedAt", after)] } : where,
        orderBy: keysetOrder("sharedAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.sharedAt, id: row.id }),
  };
}
