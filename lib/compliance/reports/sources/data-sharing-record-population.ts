import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import {
  afterKeyset,
  keysetOrder,
  pageTimeRange,
  toKeyset,
  type PopulationSource,
  type TimeRange,
} from "../population-source";

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
  spec: { source: string; filter: string; where: Prisma.DataSharingRecordWhereInput; range: TimeRange },
): PopulationSource<DataSharingRecordRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.DataSharingRecordWhereInput = { AND: [spec.where, { sharedAt: spec.range }] };
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
        where: {
          AND: [
            spec.where,
            { sharedAt: pageTimeRange(spec.range, after) },
            after ? afterKeyset("sharedAt", after) : {},
          ],
        },
        orderBy: keysetOrder("sharedAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.sharedAt, id: row.id }),
  };
}
