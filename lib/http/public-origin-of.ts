// Where people reach this app, for links it hands out (share links): the
// configured public URL, else (when the proxy's Host header is trusted) the
// forwarded host, else the request's own origin.
import { getEnv } from "@/lib/env";

export function publicOriginOf(request: Request): string {
  const env = getEnv();
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  if ((env.AUTH_TRUST_HOST || env.VERCEL) && host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "http" ? "http" : "https";
    return `${proto}://${host}`;
  }
  return new URL(request.url).origin;
}
