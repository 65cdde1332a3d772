// API answers do not pass through proxy.ts: for a small JSON answer its
// per-request nonce and Next's proxy pass cost more CPU than the handler
// itself, and Next buffers a copy of every request body the proxy sees (an
// ingest batch included). The API wrappers put the same security headers on
// here, with a policy under which nothing in an answer can load or run.
import { isServedOverHttps } from "@/lib/http/is-served-over-https";
import { securityHeaders } from "@/lib/http/security-headers";

/** An API answer is data (JSON, CSV, a ZIP), never a document that loads anything. */
export const apiContentSecurityPolicy =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sets the security headers on an API answer (its headers must be mutable) and returns it. */
export function setApiSecurityHeaders(response: Response, request: Pick<Request, "url" | "headers">): Response {
  response.headers.set("content-security-policy", apiContentSecurityPolicy);
  for (const [name, value] of Object.entries(securityHeaders({ isHttps: isServedOverHttps(request) }))) {
    response.headers.set(name, value);
  }
  return response;
}
