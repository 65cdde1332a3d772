// The process's one table of verified chain lines (verified-chain-lines.ts):
// made by the main thread when first asked for, and handed to each thread
// that verifies (report workers, chain threads) in its start data, so every
// verification in the process reads and fills the same table.
import { isMainThread } from "node:worker_threads";
import { verifiedChainLinesBytes } from "@/lib/audit/verified-chain-lines";
import { getEnv } from "@/lib/env";

let shared: SharedArrayBuffer | null | undefined;

/** The table, or null where it is off (AUDIT_VERIFIED_LINES_MB=0) or this thread was given none. */
export function sharedVerifiedChainLines(): SharedArrayBuffer | null {
  if (shared === undefined) {
    const size = isMainThread ? verifiedChainLinesBytes(getEnv().AUDIT_VERIFIED_LINES_MB) : 0;
    // Zero-filled and mapped on demand: memory is taken as slots are written.
    shared = size > 0 ? new SharedArrayBuffer(size) : null;
  }
  return shared;
}

/** A thread started by another takes the table it was handed. */
export function adoptVerifiedChainLines(buffer: SharedArrayBuffer | null | undefined): void {
  shared = buffer ?? null;
}
