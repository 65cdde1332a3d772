// Who is calling a route handler: `Authorization: Bearer <API key>`, else the
// next-auth session cookie. Works on a plain Request (tests call handlers directly).
import "server-only";
import type { Identity } from "@/lib/auth/identity";
import { parseCookieHeader } from "@/lib/auth/read-session-token";
import { resolveSessionIdentity } from "@/lib/auth/resolve-session-identity";
import { resolveApiKeyIdentity } from "@/lib/api-keys/resolve-api-key-identity";

export async function resolveIdentity(request: Request): Promise<Identity | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    // A caller who sends credentials gets judged on them alone: a bad key is a
    // 401 even if a session cookie rides along.
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1] ? resolveApiKeyIdentity(match[1]) : null;
  }
  return resolveSessionIdentity(parseCookieHeader(request.headers.get("cookie")), {
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });
}
