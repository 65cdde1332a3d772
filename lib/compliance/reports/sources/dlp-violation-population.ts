import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

const select = {
  id: true,
  detectedAt: true,
  ruleId: true,
  rule: { select: { name: true } },
  agentId: true,
  emailId: true,
  severity: true,
  actionTaken: true,
  excerpt: true,
} satisfies Prisma.DlpViolationSelect;

export type DlpViolationRecord = Prisma.DlpViolationGetPayload<{ select: typeof select }>;

export function createDlpViolationPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.DlpViolationWhereInput },
): PopulationSource<DlpViolationRecord> {
  const { where } = spec;
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.dlpViolation.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "detectedAt",
        await db.dlpViolation.findFirst({
          where,
          orderBy: keysetOrder("detectedAt", direction),
          select: { id: true, detectedAt: true },
        }),
      ),
    page: (after, take) =>
      db.dlpViolation.findMany({
        where: after ? { AND: [where, afterKeyset("detectedAt", after)] } : where,
        orderBy: keysetOrder("detectedAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.detectedAt, id: row.id }),
  };
}
