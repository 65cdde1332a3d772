// GET /api/api-keys — the org's API keys; POST /api/api-keys — create one (the key is shown once)
import { withRoute } from "@/lib/api/with-route";
import { readJsonBody } from "@/lib/api/read-json-body";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute({ permission: "org:admin" }, async ({ identity }) => {
  const apiKeys = await listApiKeys({ orgId: identity.orgId });
  return Response.json({ apiKeys }, { headers: { "cache-control": "no-store" } });
});

export const POST = withRoute({ permission: "org:admin" }, async ({ request, identity, clientIp }) => {
  const input = await readJsonBody(request, createApiKeySchema);
  const created = await createApiKey({ orgId: identity.orgId, actor: identity, ip: clientIp }, input);
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);
