// /api/engine/compliance/reports/:id/share-links (admins, or keys with reports:write)
//   POST — create a link that opens this completed report without an account (201; its URL is shown this once)
//   GET  — the report's links with their counts and last access
import { readJsonBody } from "@/lib/api/read-json-body";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { withRoute } from "@/lib/api/with-route";
import { publicOriginOf } from "@/lib/http/public-origin-of";
import { createShareLink } from "@/lib/share-links/create-share-link";
import { listShareLinks } from "@/lib/share-links/list-share-links";
import { createShareLinkBodySchema } from "@/lib/share-links/schemas";

type Params = { reportRef: string };

export const POST = withRoute<Params>(
  { permission: "reports:write" },
  async ({ request, identity, params, clientIp }) => {
    const body = await readJsonBody(request, createShareLinkBodySchema);
    const link = await createShareLink({ identity, ip: clientIp }, params.reportRef, body, {
      publicOrigin: publicOriginOf(request),
    });
    return Response.json(link, { status: 201, headers: { "cache-control": "no-store" } });
  },
);

export const GET = withRoute<Params>({ permission: "reports:write" }, async ({ identity, params }) => {
  return Response.json(await listShareLinks({ identity }, params.reportRef));
});

export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);
