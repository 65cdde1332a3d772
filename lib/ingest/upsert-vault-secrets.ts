// Creates or updates the org's vault secrets (their description, never their
// value), keyed by name, so vault-access records can reference them by id.
// Optional fields left out keep their stored value on an update. Each secret
// created or changed gets an audit event (secret.created, secret.updated with
// the changed fields before and after), appended to the org's chain in the
// same transaction; a secret sent unchanged is neither written nor audited.
import "server-only";
import { appendLockedAuditEvents } from "@/lib/audit/append-locked-audit-events";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import type { UnlinkedAuditEvent } from "@/lib/audit-chain/link-audit-event";
import type { Identity } from "@/lib/auth/identity";
import { db as defaultDb, type Database } from "@/lib/db";
import { assertCallerOrg } from "@/lib/ingest/assert-caller-org";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { diffConfigFields, toJsonFields, type ConfigChange } from "@/lib/ingest/diff-config-fields";
import type { VaultSecretBatch } from "@/lib/ingest/schemas";
import { toConfigChangeEvent } from "@/lib/ingest/to-config-change-event";
import { verifyRecordReferences } from "@/lib/ingest/verify-record-references";

export type UpsertVaultSecretsResult = {
  kind: "vault-secrets";
  accepted: number;
  created: number;
  updated: number;
  records: { id: string; name: string; status: "created" | "updated" }[];
};

export async function upsertVaultSecrets(
  ctx: { identity: Identity; db?: Database },
  batch: VaultSecretBatch,
): Promise<UpsertVaultSecretsResult> {
  const orgId = ctx.identity.orgId;
  assertCallerOrg(orgId, batch);
  const database = ctx.db ?? defaultDb;

  const run = () =>
    database.$transaction(async (tx) => {
      // The chain first (on SQLite also the write lock): the events written last follow a head no one else moves.
      const head = await lockAuditChain(tx, orgId);
      await verifyRecordReferences(tx, orgId, "vault-secrets", batch.records);
      const existing = await tx.vaultSecret.findMany({
        where: { orgId, name: { in: batch.records.map((secret) => secret.name) } },
        select: { id: true, name: true, kind: true, agentId: true, createdAt: true, lastRotatedAt: true },
      });
      const stored = new Map(existing.map((secret) => [secret.name, secret]));
      const updatedIds = new Map(existing.map((secret) => [secret.name, secret.id]));
      const createdIds = new Map<string, string>();
      const now = new Date();
      const events: UnlinkedAuditEvent[] = [];
      const audited = (action: string, id: string, agentId: string | null, change: ConfigChange) =>
        toConfigChangeEvent(
          ctx.identity,
          { action, category: "secrets", targetType: "secret", targetId: id, agentId, ...change },
          now,
        );
      for (const { orgId: _ignored, ...secret } of batch.records) {
        const current = stored.get(secret.name);
        if (current) {
          const change = diffConfigFields(current, secret);
          if (!change) continue;
          await tx.vaultSecret.update({ where: { id: current.id }, data: secret, select: { id: true } });
          const agentId = secret.agentId === undefined ? current.agentId : secret.agentId;
          events.push(audited("secret.updated", current.id, agentId, change));
        } else {
          const created = await tx.vaultSecret.create({
            data: { ...secret, orgId },
            select: { id: true, agentId: true, createdAt: true },
          });
          createdIds.set(secret.name, created.id);
          events.push(
            audited("secret.created", created.id, created.agentId, {
              before: null,
              after: toJsonFields({ ...secret, createdAt: created.createdAt }),
            }),
          );
        }
      }
      await appendLockedAuditEvents(tx, head, events);
      return { updatedIds, createdIds };
    }, chainTransactionOptions);

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
