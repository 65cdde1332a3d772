// An org's API keys, newest first, revoked and expired ones included, with who
// created and revoked each (their emails, looked up in one query).
import "server-only";
import { db } from "@/lib/db";
import { apiKeySelect, toApiKeyResponse, type ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";

export async function listApiKeys(ctx: { orgId: string }): Promise<ApiKeyResponse[]> {
  const rows = await db.apiKey.findMany({
    where: { orgId: ctx.orgId },
    select: apiKeySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const ids = [...new Set(rows.flatMap((row) => [row.createdById, row.revokedById]).filter((id) => id !== null))];
  const people = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
    : [];
  const byId = new Map(people.map((person) => [person.id, person]));
  const now = new Date();
  return rows.map((row) => toApiKeyResponse(row, byId, now));
}
