// DELETE /api/api-keys/:id — revoke a key of the caller's org (404 for any other)
import { withRoute } from "@/lib/api/with-route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const DELETE = withRoute<{ id: string }>({ permission: "org:admin" }, async ({ identity, params, clientIp }) => {
  await revokeApiKey({ orgId: identity.orgId, actor: identity, ip: clientIp }, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = rejectOtherMethods(["DELETE"]);
