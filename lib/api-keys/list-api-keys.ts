// An org's API keys, newest first, revoked ones included (with revokedAt).
import "server-only";
import { db } from "@/lib/db";
import { apiKeySelect, toApiKeyResponse, type ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";

export async function listApiKeys(ctx: { orgId: string }): Promise<ApiKeyResponse[]> {
  const rows = await db.apiKey.findMany({
    where: { orgId: ctx.orgId },
    select: apiKeySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toApiKeyResponse);
}
