import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

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
  spec: { source: string; filter: string; where: Prisma.VaultSecretWhereInput },
): PopulationSource<VaultSecretRecord> {
  const { where } = spec;
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
        where: after ? { AND: [where, afterKeyset("createdAt", after)] } : where,
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
