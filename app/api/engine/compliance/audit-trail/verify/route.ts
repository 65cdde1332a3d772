// GET /api/engine/compliance/audit-trail/verify — recomputes the org's hash-chained audit trail (from, to: sequence numbers)
import { withRoute } from "@/lib/api/with-route";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { verifyAuditTrailQuerySchema } from "@/lib/audit/audit-trail-schemas";
import { verifyOrgAuditTrail } from "@/lib/audit/verify-org-audit-trail";
import { parseSearchParams } from "@/lib/compliance/requests/schemas";

export const GET = withRoute({ permission: "reports:read" }, async ({ request, identity }) => {
  const range = parseSearchParams(request.url, verifyAuditTrailQuerySchema);
  return Response.json(await verifyOrgAuditTrail({ identity }, range));
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
