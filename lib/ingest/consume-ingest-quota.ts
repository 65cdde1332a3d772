// Throttles ingest per API key (per user for admin sessions): at most
// ATTEST_INGEST_RATE_LIMIT requests a minute, 60 unless set. In memory, per
// process, like the sign-in limiter: several instances each keep their own count.
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors/app-error";
import type { Identity } from "@/lib/auth/identity";
import { getEnv } from "@/lib/env";

export const defaultIngestRequestsPerMinute = 60;

export type IngestQuota = { limit: number; remaining: number };

// One limiter per configured limit: the limit is read per request, so tests
// (and an operator's restart-free change of env in dev) get the value they set.
const globalForLimiter = globalThis as unknown as { attestIngestLimiters?: Map<number, RateLimiterMemory> };
const limiters = (globalForLimiter.attestIngestLimiters ??= new Map());

/** ATTEST_INGEST_RATE_LIMIT of `source` (process.env unless given). */
export function getIngestRequestsPerMinute(source?: Record<string, string | undefined>): number {
  return getEnv(source).ATTEST_INGEST_RATE_LIMIT;
}

/** Counts one request; throws `rate_limited` (429, details.retryAfterSeconds) past the limit. */
export async function consumeIngestQuota(identity: Identity): Promise<IngestQuota> {
  const limit = getIngestRequestsPerMinute();
  let limiter = limiters.get(limit);
  if (!limiter) {
    limiter = new RateLimiterMemory({ keyPrefix: `ingest-${limit}`, points: limit, duration: 60 });
    limiters.set(limit, limiter);
  }
  const key = identity.kind === "api_key" ? `key:${identity.apiKeyId}` : `user:${identity.userId}:${identity.orgId}`;
  try {
    const state = await limiter.consume(key);
    return { limit, remaining: state.remainingPoints };
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError(
      "rate_limited",
      `Too many ingest requests; at most ${limit} a minute. Retry in ${retryAfterSeconds} s`,
      {
        retryAfterSeconds,
        limit,
      },
    );
  }
}
