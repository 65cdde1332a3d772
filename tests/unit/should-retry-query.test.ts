// Queries retry a transient failure once, never the server's own 4xx answer.
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api-error";
import { shouldRetryQuery } from "@/lib/client/should-retry-query";

describe("shouldRetryQuery", () => {
  it("does not retry a 404 or 403: a missing report shows at once", () => {
    expect(shouldRetryQuery(0, new ApiError(404, "not_found", "Not found"))).toBe(false);
    expect(shouldRetryQuery(0, new ApiError(403, "forbidden", "Forbidden"))).toBe(false);
  });

  it("retries a network error or a 5xx once", () => {
    expect(shouldRetryQuery(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryQuery(0, new ApiError(503, "database_unavailable", "Unavailable"))).toBe(true);
    expect(shouldRetryQuery(1, new ApiError(503, "database_unavailable", "Unavailable"))).toBe(false);
  });
});
