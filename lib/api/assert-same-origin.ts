// Refuses a state-changing request a browser sent from another site. Session
// cookies ride along on cross-site requests (a form or fetch on any page the
// user visits), so a cookie-authenticated write must prove it came from our
// own pages; API keys are never sent by a browser on its own and skip this.
import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { getEnv } from "@/lib/env";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Same-origin when the browser says so (`Sec-Fetch-Site: same-origin`, or `none`
 * for a request the user made directly), else when `Origin` is one of ours.
 * Browsers send one of the two on every cross-origin write; a request with
 * neither comes from a program (curl, a server), which no web page can steer.
 */
export function assertSameOrigin(request: Request): void {
  if (safeMethods.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null) {
    if (fetchSite === "same-origin" || fetchSite === "none") return;
    throw crossSite();
  }
  const origin = request.headers.get("origin");
  if (origin === null) return;
  if (!ownOrigins(request).has(origin)) throw crossSite();
}

/** The request's own origin, the public URL's, and (when the Host header is trusted) the one the proxy forwarded. */
function ownOrigins(request: Request): Set<string> {
  const env = getEnv();
  const origins = new Set([new URL(request.url).origin]);
  if (env.NEXTAUTH_URL) origins.add(new URL(env.NEXTAUTH_URL).origin);
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? request.headers.get("host");
  if ((env.AUTH_TRUST_HOST || env.VERCEL) && host) {
    const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "http" ? "http" : "https";
    origins.add(`${proto}://${host}`);
  }
  return origins;
}

function crossSite(): AppError {
  return new AppError(
    "forbidden",
    "Cross-site requests are refused: send this from Attest's own pages or with an API key",
  );
}
