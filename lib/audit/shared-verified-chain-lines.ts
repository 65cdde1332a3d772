// The process's one table of verified chain lines (verified-chain-lines.ts):
// made by the main thread when first asked for, and handed to each thread
// that verifies (report workers, chain threads) in its start data, so every
// verification in the process reads and fills the same table.
import { isMainThread } from "node:worker_threads";
import { verifiedChainLinesBytes } from "@/lib/audit/verified-chain-lines";
import { getEnv } from "@/lib/env";

// On globalThis: the server's bundles (instrumentation, each route) hold
// modules of their own, and one table must serve them all.
const globalForVerifiedLines = globalThis as unknown as { attestVerifiedChainLines?: SharedArrayBuffer | null };

/** The table, or null where it is off (AUDIT_VERIFIED_LINES_MB=0) or this thread was given none. */
export function sharedVerifiedChainLines(): SharedArrayBuffer | null {
  if (globalForVerifiedLines.attestVerifiedChainLines === undefined) {
    const size = isMainThread ? verifiedChainLinesBytes(getEnv().AUDIT_VERIFIED_LINES_MB) : 0;
    // Zero-filled and mapped on demand: memory is taken as slots are written.
    globalForVerifiedLines.attestVerifiedChainLines = size > 0 ? new SharedArrayBuffer(size) : null;
  }
  return globalForVerifiedLines.attestVerifiedChainLines;
}

/** A thread started by another takes the table it was handed. */
export function adoptVerifiedChainLines(buffer: SharedArrayBuffer | null | undefined): void {
  globalForVerifiedLines.attestVerifiedChainLines = buffer ?? null;
}
