// Route files export these for the HTTP methods they do not implement, so a
// wrong method gets the API's JSON error body and an `Allow` header instead of
// Next's empty 405.
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { toErrorResponse } from "@/lib/api/to-error-response";
import { setApiSecurityHeaders } from "@/lib/http/set-api-security-headers";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof httpMethods)[number];

type Rejector = ((request: Request) => Promise<Response>) & { rejectsMethod: true };
type Rejectors<Implemented extends HttpMethod> = Record<Exclude<HttpMethod, Implemented>, Rejector>;

/** Marks a handler as the 405 answer, so tests can tell it from a real handler. */
export function isMethodRejector(value: unknown): boolean {
  return typeof value === "function" && (value as Partial<Rejector>).rejectsMethod === true;
}

/** `export const { PUT, PATCH, DELETE } = rejectOtherMethods(["GET", "POST"]);` */
export function rejectOtherMethods<const Implemented extends HttpMethod>(
  implemented: readonly Implemented[],
): Rejectors<Implemented> {
  // Next answers HEAD from GET and OPTIONS on its own.
  const allow = [...implemented, ...(implemented.includes("GET" as Implemented) ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const rejectors: Partial<Record<HttpMethod, Rejector>> = {};
  for (const method of httpMethods) {
    if ((implemented as readonly HttpMethod[]).includes(method)) continue;
    const reject = async (request: Request) => {
      const requestId = request.headers.get("x-request-id") ?? randomUUID();
      const response = toErrorResponse(
        new AppError("method_not_allowed", `${method} is not supported here; use ${implemented.join(" or ")}`),
        requestId,
      );
      response.headers.set("allow", allow);
      return setApiSecurityHeaders(response, request);
    };
    rejectors[method] = Object.assign(reject, { rejectsMethod: true as const });
  }
  return rejectors as Rejectors<Implemented>;
}
