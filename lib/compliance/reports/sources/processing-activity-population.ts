import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

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
  spec: { source: string; filter: string; where: Prisma.ProcessingActivityWhereInput },
): PopulationSource<ProcessingActivityRecord> {
  const { where } = spec;
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
        where: after ? { AND: [where, afterKeyset("createdAt", after)] } : where,
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
