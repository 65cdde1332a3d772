// PATCH /api/users/:userId — change a member's role; DELETE — remove them from the org (admins; another org's user: 404)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { changeMemberRole } from "@/lib/users/change-member-role";
import { removeMember } from "@/lib/users/remove-member";
import { changeMemberRoleSchema } from "@/lib/users/schemas";

type Params = { userId: string };

export const PATCH = withRoute<Params>({ permission: "org:admin" }, async ({ request, identity, params, clientIp }) => {
  const input = await readJsonBody(request, changeMemberRoleSchema);
  const member = await changeMemberRole({ orgId: identity.orgId, actor: identity, ip: clientIp }, params.userId, input);
  return Response.json({ member }, { headers: { "cache-control": "no-store" } });
});

export const DELETE = withRoute<Params>({ permission: "org:admin" }, async ({ identity, params, clientIp }) => {
  await removeMember({ orgId: identity.orgId, actor: identity, ip: clientIp }, params.userId);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = rejectOtherMethods(["PATCH", "DELETE"]);
