// POST /api/invitations/accept — set an invited member's password with their one-time link's token (no sign-in)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withPublicRoute } from "@/lib/api/with-route";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { acceptInvitationSchema } from "@/lib/users/schemas";

export const POST = withPublicRoute(async ({ request, clientIp }) => {
  const input = await readJsonBody(request, acceptInvitationSchema);
  const accepted = await acceptInvitation(input, { ip: clientIp });
  return Response.json(accepted, { headers: { "cache-control": "no-store" } });
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
