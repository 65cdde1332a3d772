// GET /api/health — liveness + database reachability, for load balancers (no auth)
import { withPublicRoute } from "@/lib/api/with-route";
import { checkDatabaseHealth } from "@/lib/health/check-database-health";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withPublicRoute(async () => {
  const health = await checkDatabaseHealth();
  return Response.json(health, { headers: { "cache-control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
