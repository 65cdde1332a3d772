// What this process has already verified of an org's stored chain on
// PostgreSQL's path: a digest of each COPY line whose recomputed hash matched,
// kept in a table shared by the process's threads. A later verification that
// reads the very same text for an event knows what recomputing it would give
// (the recomputation depends on nothing else) and skips it; any changed byte
// changes the digest, and the event is recomputed in full. The first
// verification after a start, and every event since changed or added, pay the
// whole price (docs/benchmarks.md, verified lines).
import { hash } from "node:crypto";

/** Bytes of a line's SHA-256 kept per slot: a second text with the same 128 bits is out of reach. */
const digestBytes = 16;

export type VerifiedChainLines = {
  /** The key a line is remembered by: its text, digested (the org masks it in the table). */
  keyOf(line: string): string;
  /** Whether this line, by its key, was verified at this sequence number. */
  has(seq: number, key: string): boolean;
  /** Remembers a line whose recomputed hash matched its stored one. */
  add(seq: number, key: string): void;
};

/**
 * The table in `buffer` as one org's view. Slots are direct-mapped from the
 * org and the sequence number, so a chain longer than the table, or another
 * org, overwrites older entries: a miss only costs the recomputation.
 */
export function createVerifiedChainLines(buffer: SharedArrayBuffer, orgId: string): VerifiedChainLines {
  const bytes = new Uint8Array(buffer);
  const slots = Math.floor(bytes.length / digestBytes);
  // Each org's entries are its lines' digests masked with its own: a row moved
  // into another org's chain is not that org's verified line, even in a slot it
  // shares.
  const orgDigest = hash("sha256", orgId, "buffer");
  const mask = orgDigest.subarray(0, digestBytes);
  const orgOffset = orgDigest.readUInt32BE(digestBytes);
  const offsetOf = (seq: number) => ((orgOffset + seq) % slots) * digestBytes;
  return {
    // "binary" (latin1): the digest's bytes as one character each, without a Buffer per line.
    keyOf: (line) => hash("sha256", line, "binary"),
    has(seq, key) {
      if (slots === 0) return false;
      const at = offsetOf(seq);
      for (let index = 0; index < digestBytes; index++) {
        if (bytes[at + index] !== (key.charCodeAt(index) ^ mask[index]!)) return false;
      }
      return true;
    },
    add(seq, key) {
      if (slots === 0) return;
      const at = offsetOf(seq);
      for (let index = 0; index < digestBytes; index++) bytes[at + index] = key.charCodeAt(index) ^ mask[index]!;
    },
  };
}

/** Where no table is kept: nothing is known, every line is recomputed. */
export const noVerifiedChainLines: VerifiedChainLines = {
  keyOf: () => "",
  has: () => false,
  add: () => undefined,
};

/** The table's size for `megabytes` (0: none). */
export function verifiedChainLinesBytes(megabytes: number): number {
  return Math.floor((megabytes * 1024 * 1024) / digestBytes) * digestBytes;
}
