// GET /api/agents — the caller's org's agents (id, name, emailAddress, status), by name
import { withRoute } from "@/lib/api/with-route";
import { listAgents } from "@/lib/agents/list-agents";
import { viewAgentsPermission } from "@/lib/agents/view-agents-permission";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withRoute({ permission: viewAgentsPermission }, async ({ identity }) => {
  const agents = await listAgents({ orgId: identity.orgId });
  return Response.json({ agents });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
