import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toDate, toNullableDate, toNullableString } from "../sql-population";

export type VaultSecretRecord = {
  id: string;
  createdAt: Date;
  lastRotatedAt: Date | null;
  name: string;
  kind: string;
  agentId: string | null;
};

/** Vault secrets (never their values): name, kind, owner agent, last rotation. */
export function createVaultSecretPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<VaultSecretRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "VaultSecret",
    timeColumn: "createdAt",
    columns: Prisma.sql`"id", "createdAt", "lastRotatedAt", "name", "kind", "agentId"`,
    toRecord: ([id, createdAt, lastRotatedAt, name, kind, agentId]) => ({
      id: String(id),
      createdAt: toDate(createdAt),
      lastRotatedAt: toNullableDate(lastRotatedAt),
      name: String(name),
      kind: String(kind),
      agentId: toNullableString(agentId),
    }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  });
}
