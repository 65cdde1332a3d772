import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

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
  spec: { source: string; filter: string; where: Prisma.VaultAccessWhereInput },
): PopulationSource<VaultAccessRecord> {
  const { where } = spec;
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
        where: after ? { AND: [where, afterKeyset("occurredAt", after)] } : where,
        orderBy: keysetOrder("occurredAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.occurredAt, id: row.id }),
  };
}
