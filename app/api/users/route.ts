// GET /api/users — the org's members (admins and auditors); POST /api/users — add a member (admins)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { publicOriginOf } from "@/lib/http/public-origin-of";
import { addMember } from "@/lib/users/add-member";
import { listMembers } from "@/lib/users/list-members";
import { addMemberSchema } from "@/lib/users/schemas";

export const GET = withRoute({ permission: "org:members" }, async ({ identity }) => {
  const members = await listMembers({ orgId: identity.orgId });
  return Response.json({ members }, { headers: { "cache-control": "no-store" } });
});

export const POST = withRoute({ permission: "org:admin" }, async ({ request, identity, clientIp }) => {
  const input = await readJsonBody(request, addMemberSchema);
  const added = await addMember({ orgId: identity.orgId, actor: identity, ip: clientIp }, input, {
    publicOrigin: publicOriginOf(request),
  });
  return Response.json(added, { status: 201, headers: { "cache-control": "no-store" } });
});

export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);
