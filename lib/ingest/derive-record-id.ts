// The primary key of an ingested record. With a client id it is a hash of
// (org, kind, client id): a retried batch maps to the same keys, so duplicates
// are found by primary key, and two orgs using the same client id can never
// collide (nor learn of each other's records). Without one it is random.
import { createHash, randomBytes } from "node:crypto";

/** 32 hex characters (128 bits), the same shape with or without a client id. */
/** `kind` is the path segment the record came in by (e.g. "emails", "dlp-rules"). */
export function deriveRecordId(orgId: string, kind: string, clientId: string | undefined): string {
  if (clientId === undefined) return randomBytes(16).toString("hex");
  return createHash("sha256").update(`${orgId}\n${kind}\n${clientId}`).digest("hex").slice(0, 32);
}
