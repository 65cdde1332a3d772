import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toDate, toNullableString } from "../sql-population";

export type VaultAccessRecord = {
  id: string;
  occurredAt: Date;
  secretId: string;
  secret: { name: string; kind: string };
  action: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  agentId: string | null;
  outcome: string;
};

/** Reads and rotations of vault secrets, with each secret's name and kind. */
export function createVaultAccessPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<VaultAccessRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "VaultAccess",
    timeColumn: "occurredAt",
    columns: Prisma.sql`"id", "occurredAt", "secretId", "action", "actorType", "actorId", "actorLabel", "agentId", "outcome",
      (SELECT s."name" FROM "VaultSecret" s WHERE s."id" = "VaultAccess"."secretId") AS "secretName",
      (SELECT s."kind" FROM "VaultSecret" s WHERE s."id" = "VaultAccess"."secretId") AS "secretKind"`,
    toRecord: (row) => ({
      id: String(row.id),
      occurredAt: toDate(row.occurredAt),
      secretId: String(row.secretId),
      secret: { name: String(row.secretName), kind: String(row.secretKind) },
      action: String(row.action),
      actorType: String(row.actorType),
      actorId: toNullableString(row.actorId),
      actorLabel: toNullableString(row.actorLabel),
      agentId: toNullableString(row.agentId),
      outcome: String(row.outcome),
    }),
    keyOf: (row) => ({ at: row.occurredAt, id: row.id }),
  });
}
