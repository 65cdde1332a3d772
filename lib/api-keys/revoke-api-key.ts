// Revokes an org's API key: from then on it gets 401. Another org's key id is
// answered as not found. Revoking twice is harmless and audited once.
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors/not-found";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor } from "@/lib/auth/identity";
import type { ApiKeyContext } from "@/lib/api-keys/create-api-key";

export async function revokeApiKey(ctx: ApiKeyContext, apiKeyId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // The chain first, before any read: on SQLite also the write lock (see lockAuditChain).
    await lockAuditChain(tx, ctx.orgId);
    const key = await tx.apiKey.findFirst({
      where: { id: apiKeyId, orgId: ctx.orgId },
      select: { id: true, name: true, prefix: true },
    });
    if (!key) throw notFound("API key");
    const { count } = await tx.apiKey.updateMany({
      where: { id: key.id, orgId: ctx.orgId, revokedAt: null },
      data: { revokedAt: new Date(), revokedById: ctx.actor.kind === "session" ? ctx.actor.userId : null },
    });
    if (count === 0) return;
    await recordAuditEvent(
      {
        orgId: ctx.orgId,
        ...describeActor(ctx.actor),
        action: "api_key.revoked",
        category: "system_config",
        targetType: "api_key",
        targetId: key.id,
        ip: ctx.ip ?? null,
        metadata: { name: key.name, prefix: key.prefix },
      },
      tx,
    );
  }, chainTransactionOptions);
}
