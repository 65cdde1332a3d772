// Throttles password guessing: at most `signInAttemptLimit` failed sign-ins per
// email and IP in a 15-minute window. In memory, per process: enough for the
// embedded default; several instances each keep their own count.
import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";

export const signInAttemptLimit = 5;
const windowSeconds = 15 * 60;

const globalForLimiter = globalThis as unknown as { attestSignInLimiter?: RateLimiterMemory };
const limiter = (globalForLimiter.attestSignInLimiter ??= new RateLimiterMemory({
  keyPrefix: "sign-in",
  points: signInAttemptLimit,
  duration: windowSeconds,
}));

function keyFor(email: string, ip: string | null): string {
  return `${email}|${ip ?? "unknown"}`;
}

/** Milliseconds until this email+ip may try again, or 0 when it may try now. */
export async function getSignInRetryDelay(email: string, ip: string | null): Promise<number> {
  const state = await limiter.get(keyFor(email, ip));
  return state && state.consumedPoints >= signInAttemptLimit ? Math.max(state.msBeforeNext, 1) : 0;
}

export async function recordFailedSignIn(email: string, ip: string | null): Promise<void> {
  await limiter.penalty(keyFor(email, ip));
}

export async function clearFailedSignIns(email: string, ip: string | null): Promise<void> {
  await limiter.delete(keyFor(email, ip));
}
