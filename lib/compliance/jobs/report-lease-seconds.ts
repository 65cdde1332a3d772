// How long a claimed report's lease lasts before another worker may take it over.
import { getEnv } from "@/lib/env";

export const defaultLeaseSeconds = 60;

export function leaseSecondsFromEnv(): number {
  return getEnv().REPORT_LEASE_SECONDS;
}
