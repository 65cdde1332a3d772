// Which failed queries React Query tries again: a network blip or a 5xx may pass,
// but the server's own 4xx answer (not found, forbidden, invalid) will not change
// on a second ask, and retrying only delays showing it.
import { ApiError } from "@/lib/client/api-error";

export const maxQueryRetries = 1;

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < maxQueryRetries;
}
