// Creates an org's API key. The plaintext exists only in the returned value:
// the row keeps its SHA-256 and the visible prefix.
import "server-only";
import { db } from "@/lib/db";
import { chainTransactionOptions } from "@/lib/audit/chain-transaction-options";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeActor, type Identity } from "@/lib/auth/identity";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { expiryInstantOf, type CreateApiKeyInput } from "@/lib/api-keys/schemas";
import { apiKeySelect, toApiKeyResponse, type ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";

export type ApiKeyContext = { orgId: string; actor: Identity; ip?: string | null };

export async function createApiKey(
  ctx: ApiKeyContext,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKeyResponse; key: string }> {
  const { key, prefix, hashedKey } = generateApiKey();
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        orgId: ctx.orgId,
        name: input.name,
        prefix,
        hashedKey,
        scopes: input.scopes.join(" "),
        createdById: ctx.actor.kind === "session" ? ctx.actor.userId : null,
        expiresAt: input.expiresOn ? expiryInstantOf(input.expiresOn) : null,
      },
      select: apiKeySelect,
    });
    await recordAuditEvent(
      {
        orgId: ctx.orgId,
        ...describeActor(ctx.actor),
        action: "api_key.created",
        category: "system_config",
        targetType: "api_key",
        targetId: created.id,
        ip: ctx.ip ?? null,
        metadata: {
          name: input.name,
          prefix,
          scopes: input.scopes,
          ...(input.expiresOn ? { expiresOn: input.expiresOn } : {}),
        },
      },
      tx,
    );
    return created;
  }, chainTransactionOptions);
  const creator = ctx.actor.kind === "session" ? { id: ctx.actor.userId, email: ctx.actor.email } : null;
  return { apiKey: toApiKeyResponse(row, new Map(creator ? [[creator.id, creator]] : [])), key };
}
