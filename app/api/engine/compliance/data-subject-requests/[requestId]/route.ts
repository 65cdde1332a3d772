// /api/engine/compliance/data-subject-requests/:requestId
//   GET   — one request with its deadline
//   PATCH — fulfil or refuse it, extend it, edit notes, turn redaction off/on (admins, keys with reports:write)
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { getDataSubjectRequest } from "@/lib/privacy/get-data-subject-request";
import { updateDataSubjectRequestBodySchema } from "@/lib/privacy/schemas";
import { updateDataSubjectRequest } from "@/lib/privacy/update-data-subject-request";

type Params = { requestId: string };

export const GET = withRoute<Params>({ permission: "reports:read" }, async ({ identity, params }) => {
  return Response.json(await getDataSubjectRequest({ identity }, params.requestId));
});

export const PATCH = withRoute<Params>(
  { permission: "reports:write" },
  async ({ request, identity, params, clientIp }) => {
    const body = await readJsonBody(request, updateDataSubjectRequestBodySchema);
    return Response.json(await updateDataSubjectRequest({ identity, ip: clientIp }, params.requestId, body));
  },
);

export const { POST, PUT, DELETE } = rejectOtherMethods(["GET", "PATCH"]);
