// Throttles password guessing in a 15-minute window: at most
// `signInAttemptLimit` failed sign-ins per email and IP, and at most
// `accountAttemptLimit` per email from all IPs together, so rotating addresses
// does not buy more guesses. An attempt is counted before its password is
// checked, so a burst of parallel guesses cannot all get through. In memory,
// per process: enough for the embedded default; several instances each keep
// their own count.
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const signInAttemptLimit = 5;
export const accountAttemptLimit = 20;
export const signInWindowSeconds = 15 * 60;

type Limiters = {
  perIp: RateLimiterMemory;
  perAccount: RateLimiterMemory;
  throttleNotices: RateLimiterMemory;
  /** Throttled attempts per email not yet reported in an audit event. */
  unreported: Map<string, number>;
};
const globalForLimiter = globalThis as unknown as { attestSignInLimiters?: Limiters };
const limiters = (globalForLimiter.attestSignInLimiters ??= {
  perIp: new RateLimiterMemory({ keyPrefix: "sign-in", points: signInAttemptLimit, duration: signInWindowSeconds }),
  perAccount: new RateLimiterMemory({
    keyPrefix: "sign-in-account",
    points: accountAttemptLimit,
    duration: signInWindowSeconds,
  }),
  // One audit event per throttled email and window (see noteThrottledSignIn).
  throttleNotices: new RateLimiterMemory({ keyPrefix: "sign-in-throttled", points: 1, duration: signInWindowSeconds }),
  unreported: new Map(),
});

function ipKey(email: string, ip: string | null): string {
  return `${email}|${ip ?? "unknown"}`;
}

/**
 * Counts one attempt for this email+ip and this email. Returns 0 when the
 * attempt may go ahead, else the milliseconds until the email may try again
 * (a refused attempt is not counted).
 */
export async function consumeSignInAttempt(email: string, ip: string | null): Promise<number> {
  const [perIp, perAccount] = await Promise.all([limiters.perIp.get(ipKey(email, ip)), limiters.perAccount.get(email)]);
  const waits = [
    perIp && perIp.consumedPoints >= signInAttemptLimit ? perIp.msBeforeNext : 0,
    perAccount && perAccount.consumedPoints >= accountAttemptLimit ? perAccount.msBeforeNext : 0,
  ];
  if (Math.max(...waits) > 0) return Math.max(...waits, 1);
  // RateLimiterMemory updates synchronously: no other attempt can slip in between the check and the count.
  try {
    await limiters.perIp.consume(ipKey(email, ip));
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(error.msBeforeNext, 1);
    throw error;
  }
  try {
    await limiters.perAccount.consume(email);
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(error.msBeforeNext, 1);
    throw error;
  }
  return 0;
}

/** A successful sign-in forgets the failures before it, for this IP and for the account. */
export async function clearFailedSignIns(email: string, ip: string | null): Promise<void> {
  await Promise.all([limiters.perIp.delete(ipKey(email, ip)), limiters.perAccount.delete(email)]);
}

/**
 * Counts a throttled attempt. Returns the number of throttled attempts to
 * report when this one opens a new reporting window for the email (it and the
 * ones suppressed in the previous window), or null while a report was already
 * written in the current window.
 */
export async function noteThrottledSignIn(email: string): Promise<number | null> {
  const suppressed = limiters.unreported;
  try {
    await limiters.throttleNotices.consume(email);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    suppressed.set(email, (suppressed.get(email) ?? 0) + 1);
    return null;
  }
  const count = 1 + (suppressed.get(email) ?? 0);
  suppressed.delete(email);
  return count;
}
