import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

const select = {
  id: true,
  createdAt: true,
  updatedAt: true,
  name: true,
  detector: true,
  pattern: true,
  severity: true,
  action: true,
  enabled: true,
} satisfies Prisma.DlpRuleSelect;

export type DlpRuleRecord = Prisma.DlpRuleGetPayload<{ select: typeof select }>;

export function createDlpRulePopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.DlpRuleWhereInput },
): PopulationSource<DlpRuleRecord> {
  const { where } = spec;
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.dlpRule.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "createdAt",
        await db.dlpRule.findFirst({
          where,
          orderBy: keysetOrder("createdAt", direction),
          select: { id: true, createdAt: true },
        }),
      ),
    page: (after, take) =>
      db.dlpRule.findMany({
        where: after ? { AND: [where, afterKeyset("createdAt", after)] } : where,
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
