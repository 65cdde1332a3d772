// GET /api/engine/openapi.json — public, no sign-in: the OpenAPI 3.1 document of the API (rendered at /docs/api)
import { withPublicRoute } from "@/lib/api/with-route";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";
import { getOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export const GET = withPublicRoute(async () => {
  return Response.json(getOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
