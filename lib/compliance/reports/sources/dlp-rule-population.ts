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
  spec: { source: string; filter: string; where: Prisma.DlpRuleWhereInput; range: TimeRange },
): PopulationSource<DlpRuleRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.DlpRuleWhereInput = { AND: [spec.where, { createdAt: spec.range }] };
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
