// /api/engine/compliance/data-subject-requests — data-subject access requests (GDPR Art. 15)
//   GET  — the org's requests, soonest due first (status, dueWithinDays, overdue, q, limit, cursor)
//   POST — record a request; it is due one month after receipt (201)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { parseSearchParams } from "@/lib/compliance/requests/schemas";
import { createDataSubjectRequest } from "@/lib/privacy/create-data-subject-request";
import { listDataSubjectRequests } from "@/lib/privacy/list-data-subject-requests";
import { createDataSubjectRequestBodySchema, listDataSubjectRequestsQuerySchema } from "@/lib/privacy/schemas";

export const GET = withRoute({ permission: "reports:read" }, async ({ request, identity }) => {
  const query = parseSearchParams(request.url, listDataSubjectRequestsQuerySchema);
  return Response.json(await listDataSubjectRequests({ identity }, query));
});

export const POST = withRoute({ permission: "reports:write" }, async ({ request, identity, clientIp }) => {
  const body = await readJsonBody(request, createDataSubjectRequestBodySchema);
  const created = await createDataSubjectRequest({ identity, ip: clientIp }, body);
  return Response.json(created, {
    status: 201,
    headers: { location: `/api/engine/compliance/data-subject-requests/${encodeURIComponent(created.id)}` },
  });
});

export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);
