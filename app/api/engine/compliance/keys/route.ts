// GET /api/engine/compliance/keys — public, no sign-in: the JWKS of every key that signed a report statement, with validity windows
import { withPublicRoute } from "@/lib/api/with-route";
import { getPublishedSigningKeys } from "@/lib/signing/get-published-signing-keys";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const GET = withPublicRoute(async () => {
  return Response.json(await getPublishedSigningKeys(), {
    headers: { "content-type": "application/jwk-set+json", "cache-control": "public, max-age=300" },
  });
});

export const { POST, PUT, PATCH, DELETE } = rejectOtherMethods(["GET"]);
