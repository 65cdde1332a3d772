// Runs before every request but the API's (pages, sign-in and static files):
// API answers get their headers from the API wrappers (lib/http/set-api-security-headers.ts).
// - Security headers on every response, with a Content-Security-Policy whose
//   script nonce is fresh per request. Next reads the nonce from the request's
//   CSP header and stamps it on the scripts it renders (its documented nonce
//   approach), which is why every page renders dynamically (app/layout.tsx).
// - The requested dashboard path for server components, so the dashboard
//   layout's sign-in redirect can come back to it (?callbackUrl=).
// Not a security boundary for identity: every page and handler checks it itself.
import { NextResponse, type NextRequest } from "next/server";
import { requestPathHeader } from "@/lib/dashboard/request-path-header";
import { buildContentSecurityPolicy } from "@/lib/http/build-content-security-policy";
import { isServedOverHttps } from "@/lib/http/is-served-over-https";
import { nonceHeader } from "@/lib/http/nonce-header";
import { securityHeaders } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const isHttps = isServedOverHttps(request);
  const policy = buildContentSecurityPolicy({
    nonce,
    // Next's own variable: `next dev` sets it to development.
    isDevelopment: process.env.NODE_ENV === "development",
    isHttps,
  });

  const headers = new Headers(request.headers);
  headers.set(nonceHeader, nonce);
  headers.set("content-security-policy", policy);
  headers.set(requestPathHeader, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ isHttps }))) response.headers.set(name, value);
  return response;
}

// Every path but /api/* (except next-auth's /api/auth/*, whose handler is not ours) and the
// seed page's /compliance/* spellings of the API: the security headers belong on static files too.
export const config = { matcher: "/((?!api/(?!auth/)|compliance/).*)" };
