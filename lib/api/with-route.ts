// The route handler wrapper: request id and client IP → identity (401) →
// same origin for cookie-authenticated writes (403) → permission (403) → handler
// → one error mapper → security headers (API answers skip proxy.ts). Handlers
// stay guard → validate → one lib call → respond, and take the IP for audit
// events from here.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { hasPermission, type Identity, type Permission } from "@/lib/auth/identity";
import { resolveIdentity } from "@/lib/api/resolve-identity";
import { assertSameOrigin } from "@/lib/api/assert-same-origin";
import { logger } from "@/lib/log/logger";
import { setApiSecurityHeaders } from "@/lib/http/set-api-security-headers";

type RouteContext<Params> = { params: Promise<Params> };

export type AuthedRequest<Params> = {
  request: Request;
  identity: Identity;
  params: Params;
  requestId: string;
  /** The caller's IP as audit events record it (see lib/auth/get-client-ip.ts). */
  clientIp: string | null;
};

export function withRoute<Params = Record<string, string>>(
  options: { permission: Permission },
  handler: (ctx: AuthedRequest<Params>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const started = performance.now();
    let response: Response;
    try {
      const identity = await resolveIdentity(request);
      if (!identity) throw new AppError("unauthorized", "Sign in or send an API key as `Authorization: Bearer …`");
      if (identity.kind === "session") assertSameOrigin(request);
      if (!hasPermission(identity, options.permission)) {
        throw new AppError("forbidden", `This needs the \`${options.permission}\` permission`);
      }
      const params = (await context?.params) ?? ({} as Params);
      response = await handler({ request, identity, params, requestId, clientIp: getClientIp(request.headers) });
    } catch (error) {
      response = toErrorResponse(error, requestId);
    }
    response.headers.set("x-request-id", requestId);
    setApiSecurityHeaders(response, request);
    logger.info(
      {
        requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
    return response;
  };
}

/** For routes that must answer without an identity (health checks, ingest auth of its own). */
export function withPublicRoute<Params = Record<string, string>>(
  handler: (ctx: { request: Request; params: Params; requestId: string; clientIp: string | null }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    let response: Response;
    try {
      const params = (await context?.params) ?? ({} as Params);
      response = await handler({ request, params, requestId, clientIp: getClientIp(request.headers) });
      response.headers.set("x-request-id", requestId);
    } catch (error) {
      response = toErrorResponse(error, requestId);
    }
    return setApiSecurityHeaders(response, request);
  };
}
