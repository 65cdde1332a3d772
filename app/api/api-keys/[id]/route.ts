// DELETE /api/api-keys/:id — revoke a key of the caller's org (404 for any other)
import { withRoute } from "@/lib/api/with-route";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const DELETE = withRoute<{ id: string }>({ permission: "org:admin" }, async ({ request, identity, params }) => {
  await revokeApiKey({ orgId: identity.orgId, actor: identity, ip: getClientIp(request.headers) }, params.id);
  return new Response(null, { status: 204 });
});
