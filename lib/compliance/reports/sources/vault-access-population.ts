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
  occurredAt: true,
  secretId: true,
  secret: { select: { name: true, kind: true } },
  action: true,
  actorType: true,
  actorId: true,
  actorLabel: true,
  agentId: true,
  outcome: true,
} satisfies Prisma.VaultAccessSelect;

export type VaultAccessRecord = Prisma.VaultAccessGetPayload<{ select: typeof select }>;

export function createVaultAccessPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.VaultAccessWhereInput; range: TimeRange },
): PopulationSource<VaultAccessRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.VaultAccessWhereInput = { AND: [spec.where, { occurredAt: spec.range }] };
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.vaultAccess.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "occurredAt",
        await db.vaultAccess.findFirst({
          where,
          orderBy: keysetOrder("occurredAt", direction),
          select: { id: true, occurredAt: true },
        }),
      ),
    page: (after, take) =>
      db.vaultAccess.findMany({
        where: {
          AND: [
            spec.where,
            { occurredAt: pageTimeRange(spec.range, after) },
            after ? afterKeyset("occurredAt", after) : {},
          ],
        },
        orderBy: keysetOrder("occurredAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.occurredAt, id: row.id }),
  };
}
