// How long a claimed report's lease lasts before another worker may take it over.
export const defaultLeaseSeconds = 60;

export function leaseSecondsFromEnv(): number {
  const seconds = Number(process.env.REPORT_LEASE_SECONDS);
  return Number.isFinite(seconds) && seconds >= 5 ? seconds : defaultLeaseSeconds;
}
