// Joins segments verified side by side (verify-chain-segment.ts) into the
// result one pass in sequence order would give: each segment's first event
// must be the one expected after the previous segment's last, and must name
// its hash; the first break in sequence order wins.
import type { ChainSegment } from "@/lib/audit-chain/verify-chain-segment";
import {
  missingEventReason,
  toChainVerification,
  unlinkedEventReason,
  type ChainStart,
  type ChainVerification,
} from "@/lib/audit-chain/chain-verification";

export type JoinedChain = {
  verification: ChainVerification;
  /** Redacted events at or after the period's first sequence number, among those verified. */
  periodRedactedCount: number;
  /** Stored hashes of the wanted sequence numbers among those verified. */
  storedHashes: Map<number, string>;
};

/** `segments` in sequence order, covering the range from `start.seq` on without overlap. */
export function joinChainSegments(segments: readonly ChainSegment[], start: ChainStart): JoinedChain {
  let expectedSeq = start.seq;
  let expectedPrev = start.prevHash;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let headHash: string | null = null;
  let count = 0;
  let redactedCount = 0;
  let periodRedactedCount = 0;
  const storedHashes = new Map<number, string>();
  const result = (brokenAt?: { seq: number; reason: string }): JoinedChain => ({
    verification: toChainVerification({ firstSeq, lastSeq, count, headHash, redactedCount }, brokenAt),
    periodRedactedCount,
    storedHashes,
  });

  for (const segment of segments) {
    if (!segment.first) continue;
    if (segment.first.seq !== expectedSeq) {
      return result({ seq: expectedSeq, reason: missingEventReason(expectedSeq, segment.first.seq) });
    }
    if (segment.first.prevHash !== expectedPrev) {
      return result({ seq: segment.first.seq, reason: unlinkedEventReason(segment.first.seq) });
    }
    const part = segment.verification;
    firstSeq ??= part.firstSeq;
    if (part.count > 0) {
      lastSeq = part.lastSeq;
      headHash = part.headHash;
    }
    count += part.count;
    redactedCount += part.redactedCount;
    periodRedactedCount += segment.periodRedactedCount;
    for (const [seq, hash] of segment.storedHashes) storedHashes.set(seq, hash);
    if (part.brokenAt) return result(part.brokenAt);
    expectedSeq = (part.lastSeq ?? expectedSeq - 1) + 1;
    expectedPrev = part.headHash ?? expectedPrev;
  }
  return result();
}
