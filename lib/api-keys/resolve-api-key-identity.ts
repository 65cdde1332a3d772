// A program calling with `Authorization: Bearer att_…`: the key is looked up by
// its SHA-256; unknown, revoked or expired keys resolve to nobody (401).
import "server-only";
import { db } from "@/lib/db";
import type { ApiKeyIdentity } from "@/lib/auth/identity";
import { hashApiKey, isWellFormedApiKey } from "@/lib/api-keys/api-key-format";
import { isExpired, parseScopes } from "@/lib/api-keys/to-api-key-response";
import { logger } from "@/lib/log/logger";

/** lastUsedAt is a hint for people, not a log: write it at most once a minute per key. */
const lastUsedResolutionMs = 60_000;

export async function resolveApiKeyIdentity(presentedKey: string): Promise<ApiKeyIdentity | null> {
  if (!isWellFormedApiKey(presentedKey)) return null;
  const key = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(presentedKey) },
    select: {
      id: true,
      orgId: true,
      name: true,
      prefix: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
    },
  });
  const now = new Date();
  if (!key || key.revokedAt || isExpired(key.expiresAt, now)) return null;

  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= lastUsedResolutionMs) {
    await touchLastUsed(key.id, now);
  }
  return {
    kind: "api_key",
    apiKeyId: key.id,
    orgId: key.orgId,
    scopes: parseScopes(key.scopes),
    label: `${key.name} (${key.prefix}…)`,
  };
}

async function touchLastUsed(apiKeyId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - lastUsedResolutionMs);
  try {
    // Conditional, so concurrent requests with one key write once.
    await db.apiKey.updateMany({
      where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  } catch (error) {
    // A busy database must not turn a valid key into a failed request.
    logger.warn({ err: error, apiKeyId }, "could not record API key use");
  }
}
