// The HTTP status of each error code: the API's half of lib/errors.
import type { ErrorCode } from "@/lib/errors/app-error";

export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  database_unavailable: 503,
  server_busy: 503,
} as const satisfies Record<ErrorCode, number>;
