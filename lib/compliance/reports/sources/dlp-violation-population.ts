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
  spec: { source: string; filter: string; where: Prisma.DlpViolationWhereInput; range: TimeRange },
): PopulationSource<DlpViolationRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.DlpViolationWhereInput = { AND: [spec.where, { detectedAt: spec.range }] };
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
        where: {
          AND: [
            spec.where,
            { detectedAt: pageTimeRange(spec.range, after) },
            after ? afterKeyset("detectedAt", after) : {},
          ],
        },
        orderBy: keysetOrder("detectedAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.detectedAt, id: row.id }),
  };
}
