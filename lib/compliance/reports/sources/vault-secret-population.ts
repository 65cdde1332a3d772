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
  lastRotatedAt: true,
  name: true,
  kind: true,
  agentId: true,
} satisfies Prisma.VaultSecretSelect;

export type VaultSecretRecord = Prisma.VaultSecretGetPayload<{ select: typeof select }>;

export function createVaultSecretPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.VaultSecretWhereInput; range: TimeRange },
): PopulationSource<VaultSecretRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.VaultSecretWhereInput = { AND: [spec.where, { createdAt: spec.range }] };
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.vaultSecret.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "createdAt",
        await db.vaultSecret.findFirst({
          where,
          orderBy: keysetOrder("createdAt", direction),
          select: { id: true, createdAt: true },
        }),
      ),
    page: (after, take) =>
      db.vaultSecret.findMany({
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
