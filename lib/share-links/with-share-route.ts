// The wrapper of the routes a share link opens (/share/:token…): no identity,
// the token is the credential. Per-IP rate limit first; errors leave as the
// API's JSON body for programs, or as a plain page for browsers (Accept), with
// the same status. The token never reaches the logs.
import "server-only";
import { randomUUID } from "node:crypto";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { getClientIp } from "@/lib/auth/get-client-ip";
import { acceptsHtml } from "@/lib/http/accepts-html";
import { logger } from "@/lib/log/logger";
import { consumeShareLinkQuota } from "@/lib/share-links/consume-share-link-quota";
import { htmlHeaders } from "@/lib/share-links/page/share-page-document";
import { renderShareErrorPage } from "@/lib/share-links/page/render-share-error-page";
import { truncateUserAgent, type ShareAccess } from "@/lib/share-links/share-access";

type RouteContext = { params: Promise<{ token: string }> };

export type ShareRouteRequest = { request: Request; access: ShareAccess; wantsHtml: boolean };

export function withShareRoute(handler: (ctx: ShareRouteRequest) => Promise<Response>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    const started = performance.now();
    const wantsHtml = acceptsHtml(request.headers.get("accept"));
    let response: Response;
    try {
      const { token } = await context.params;
      const access: ShareAccess = {
        token,
        ip: getClientIp(request.headers),
        userAgent: truncateUserAgent(request.headers.get("user-agent")),
      };
      await consumeShareLinkQuota(access.ip);
      response = await handler({ request, access, wantsHtml });
    } catch (error) {
      response = toErrorResponse(error, requestId);
      if (wantsHtml) response = await toErrorPage(response);
    }
    response.headers.set("x-request-id", requestId);
    response.headers.set("referrer-policy", "no-referrer");
    logger.info(
      {
        requestId,
        method: request.method,
        path: new URL(request.url).pathname.replace(/^\/share\/[^/]+/, "/share/…"),
        status: response.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
    return response;
  };
}

/** The JSON error as a page, with its status and Retry-After. */
async function toErrorPage(json: Response): Promise<Response> {
  const body = (await json.json()) as { error: { message: string } };
  const headers: Record<string, string> = { ...htmlHeaders };
  const retryAfter = json.headers.get("retry-after");
  if (retryAfter) headers["retry-after"] = retryAfter;
  return new Response(renderShareErrorPage({ status: json.status, message: body.error.message }), {
    status: json.status,
    headers,
  });
}
