import type { Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toIsoTimestamp, toNullableString, type IsoTimestamp } from "../sql-population";

export type VaultAccessRecord = {
  id: string;
  occurredAt: IsoTimestamp;
  secretId: string;
  secret: { name: string; kind: string };
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  agentId: string | null;
  outcome: string;
};

type Secret = VaultAccessRecord["secret"];

/**
 * Reads and rotations of vault secrets, with each secret's name and kind. An
 * org has few secrets and hundreds of thousands of accesses, so secrets are
 * looked up once each and remembered, not joined into every row.
 */
export function createVaultAccessPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<VaultAccessRecord> {
  const secrets = new Map<string, Secret>();
  const population = createSqlPopulation(db, {
    ...spec,
    table: "VaultAccess",
    timeColumn: "occurredAt",
    columns: Prisma.sql`"id", "occurredAt", "secretId", "action", "actorType", "actorId", "actorLabel", "agentId", "outcome"`,
    toRecord: ([id, occurredAt, secretId, action, actorType, actorId, actorLabel, agentId, outcome]) => ({
      id: String(id),
      occurredAt: toIsoTimestamp(occurredAt),
      secretId: String(secretId),
      secret: { name: "", kind: "" },
      action: String(action),
      actorType: String(actorType),
      actorId: toNullableString(actorId),
      actorLabel: toNullableString(actorLabel),
      agentId: toNullableString(agentId),
      outcome: String(outcome),
    }),
    keyOf: (row) => ({ at: new Date(row.occurredAt), id: row.id }),
  });
  // Each batch's secrets, looked up once each and remembered.
  async function withSecrets(rows: VaultAccessRecord[]): Promise<VaultAccessRecord[]> {
    const unknown = [...new Set(rows.map((row) => row.secretId))].filter((id) => !secrets.has(id));
    if (unknown.length > 0) {
      const found = await rawSqlOf(db).query<{ id: string; name: string; kind: string }>(
        Prisma.sql`SELECT "id", "name", "kind" FROM "VaultSecret" WHERE "id" IN (${Prisma.join(unknown)})`,
      );
      for (const secret of found) secrets.set(secret.id, { name: secret.name, kind: secret.kind });
    }
    for (const row of rows) {
      const secret = secrets.get(row.secretId);
      // A foreign key guarantees the secret; its absence means the data changed mid-read.
      if (!secret) throw new Error(`VaultAccess ${row.id} names secret ${row.secretId}, which does not exist`);
      row.secret = secret;
    }
    return rows;
  }
  return {
    ...population,
    page: async (after, take) => withSecrets(await population.page(after, take)),
    async *read(batchRows, options) {
      for await (const rows of population.read(batchRows, options)) yield await withSecrets(rows);
    },
  };
}
