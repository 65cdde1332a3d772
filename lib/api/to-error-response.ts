// The one error mapper: any thrown value → the API's error body and status.
// Unknown errors are logged with the request id and never leaked.
import "server-only";
import { ZodError } from "zod";
import { errorStatus } from "@/lib/api/error-status";
import { AppError } from "@/lib/errors/app-error";
import { zodFieldErrors } from "@/lib/api/zod-field-errors";
import { isDatabaseUnreachable } from "@/lib/db/is-database-unreachable";
import { logger } from "@/lib/log/logger";

export function toErrorResponse(error: unknown, requestId: string): Response {
  const appError = toAppError(error);
  const status = errorStatus[appError.code];
  if (appError.code === "internal_error" || appError.code === "database_unavailable") {
    logger.error({ err: error, requestId }, appError.message);
  }
  const body: { error: { code: string; message: string; details?: unknown; requestId?: string } } = {
    error: { code: appError.code, message: appError.message },
  };
  if (appError.details !== undefined) body.error.details = appError.details;
  if (status >= 500) body.error.requestId = requestId;
  const headers: Record<string, string> = { "x-request-id": requestId };
  const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  // 429 and 503 tell the client when to come back (RFC 9110 §10.2.3).
  if (typeof retryAfter === "number") headers["retry-after"] = String(Math.ceil(retryAfter));
  return Response.json(body, { status, headers });
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("validation_failed", "The request is invalid", { fields: zodFieldErrors(error) });
  }
  if (isDatabaseUnreachable(error)) {
    return new AppError("database_unavailable", "The database is unavailable; try again shortly");
  }
  return new AppError("internal_error", "Something went wrong on our side");
}
