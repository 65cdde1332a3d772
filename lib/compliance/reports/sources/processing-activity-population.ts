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
  createdAt: true,
  updatedAt: true,
  agentId: true,
  name: true,
  purpose: true,
  legalBasis: true,
  dataCategories: true,
  subjectCategories: true,
  recipients: true,
  retention: true,
  thirdCountryTransfers: true,
} satisfies Prisma.ProcessingActivitySelect;

export type ProcessingActivityRecord = Prisma.ProcessingActivityGetPayload<{ select: typeof select }>;

export function createProcessingActivityPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.ProcessingActivityWhereInput; range: TimeRange },
): PopulationSource<ProcessingActivityRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.ProcessingActivityWhereInput = { AND: [spec.where, { createdAt: spec.range }] };
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.processingActivity.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "createdAt",
        await db.processingActivity.findFirst({
          where,
          orderBy: keysetOrder("createdAt", direction),
          select: { id: true, createdAt: true },
        }),
      ),
    page: (after, take) =>
      db.processingActivity.findMany({
        where: {
          AND: [
            spec.where,
            { createdAt: pageTimeRange(spec.range, after) },
            after ? afterKeyset("createdAt", after) : {},
          ],
        },
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
