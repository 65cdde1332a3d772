// Creates or updates the org's vault secrets (their description, never their
// value), keyed by name, so vault-access records can reference them by id.
// Optional fields left out keep their stored value on an update.
import "server-only";
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import type { VaultSecretBatch } from "@/lib/ingest/schemas";
import { takeWriteLock } from "@/lib/ingest/take-write-lock";
import { verifyRecordReferences } from "@/lib/ingest/verify-record-references";

export type UpsertVaultSecretsResult = {
  kind: "vault-secrets";
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; name: string; status: "created" | "updated" }[];
};

const transactionOptions = { maxWait: 10_000, timeout: 60_000 };

export async function upsertVaultSecrets(
  ctx: { identity: Identity; db?: Database },
  batch: VaultSecretBatch,
): Promise<UpsertVaultSecretsResult> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;

  const run = () =>
    database.$transaction(async (tx) => {
      await takeWriteLock(tx);
      await verifyRecordReferences(tx, orgId, "vault-secrets", batch.records);
      const existing = await tx.vaultSecret.findMany({
        where: { orgId, name: { in: batch.records.map((secret) => secret.name) } },
        select: { id: true, name: true },
      });
      const updatedIds = new Map(existing.map((secret) => [secret.name, secret.id]));
      const createdIds = new Map<string, string>();
      for (const { orgId: _ignored, ...secret } of batch.records) {
        const id = updatedIds.get(secret.name);
        if (id) {
          await tx.vaultSecret.update({ where: { id }, data: secret, select: { id: true } });
        } else {
          const created = await tx.vaultSecret.create({ data: { ...secret, orgId }, select: { id: true } });
          createdIds.set(secret.name, created.id);
        }
      }
      return { updatedIds, createdIds };
    }, transactionOptions);

  // Two requests creating the same secret: the later meets the unique name; again, it updates.
  const { updatedIds, createdIds } = await run().catch((error: unknown) => {
    if (isUniqueViolation(error)) return run();
    throw error;
  });

  return {
    kind: "vault-secrets",
    accepted: batch.records.length,
    created: createdIds.size,
    updated: updatedIds.size,
    records: batch.records.map(({ name }) => {
      const updatedId = updatedIds.get(name);
      return updatedId
        ? { id: updatedId, name, status: "updated" as const }
        : { id: createdIds.get(name) ?? "", name, status: "created" as const };
    }),
  };
}
