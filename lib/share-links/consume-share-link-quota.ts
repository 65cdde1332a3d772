// Throttles share-link requests per client IP, pages and downloads, known
// tokens or not: at most ATTEST_SHARE_LINK_RATE_LIMIT a minute, 60 unless set.
// Tokens are far too long to guess; this bounds the work (and the audit events)
// one client can cause. In memory, per process, like the ingest limiter.
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors/app-error";
import { getEnv } from "@/lib/env";

// One limiter per configured limit: the limit is read per request, so tests get the value they set.
const globalForLimiter = globalThis as unknown as { attestShareLinkLimiters?: Map<number, RateLimiterMemory> };
const limiters = (globalForLimiter.attestShareLinkLimiters ??= new Map());

/** Counts one request from `ip`; throws `rate_limited` (429, details.retryAfterSeconds) past the limit. */
export async function consumeShareLinkQuota(ip: string | null): Promise<void> {
  const limit = getEnv().ATTEST_SHARE_LINK_RATE_LIMIT;
  let limiter = limiters.get(limit);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: `share-link-${limit}`, points: limit, duration: 60 });
    limiters.set(limit, limiter);
  }
  try {
    await limiter.consume(ip ?? "unknown");
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError("rate_limited", `Too many requests; try again in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      limit,
    });
  }
}
