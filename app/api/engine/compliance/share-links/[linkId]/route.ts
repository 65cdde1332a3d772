// DELETE /api/engine/compliance/share-links/:linkId — revoke a share link (admins, or keys with reports:write); it answers 410 from then on
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { revokeShareLink } from "@/lib/share-links/revoke-share-link";

export const DELETE = withRoute<{ linkId: string }>(
  { permission: "reports:write" },
  async ({ identity, params, clientIp }) => {
    await revokeShareLink({ identity, ip: clientIp }, params.linkId);
    return new Response(null, { status: 204 });
  },
);

export const { GET, POST, PUT, PATCH } = rejectOtherMethods(["DELETE"]);
