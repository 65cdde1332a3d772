// Whether the browser reached us over https: the request's own scheme, else the
// same rule that picks the `__Secure-` session cookie (NEXTAUTH_URL's scheme, or a
// trusted proxy's X-Forwarded-Proto), since a TLS-terminating proxy hands us http.
import { getEnv } from "@/lib/env";
import { usesSecureSessionCookie } from "@/lib/auth/read-session-token";

export function isServedOverHttps(request: { url: string; headers: Headers }): boolean {
  if (new URL(request.url).protocol === "https:") return true;
  return usesSecureSessionCookie(getEnv(), request.headers.get("x-forwarded-proto"));
}
