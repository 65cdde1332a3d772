// One request made with a share link: its token, and who made it as far as we
// can tell (IP, user agent) for the audit trail.
import type { Database } from "@/lib/db";

export type ShareAccess = {
  token: string;
  ip: string | null;
  userAgent: string | null;
  /** Tests and workers pass their own; the server's client otherwise. */
  db?: Database;
};

/** User agents are anyone's to write: kept, but not at any length. */
export function truncateUserAgent(value: string | null): string | null {
  return value === null ? null : value.slice(0, 512);
}
