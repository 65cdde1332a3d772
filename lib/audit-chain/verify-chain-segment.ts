// Verifies one segment of a chain on its own, anchored at its first stored
// event: the segments of a long chain can then be checked side by side (one
// thread each) and joined in order (join-chain-segments.ts), which checks
// that each segment's first event follows the previous segment's last.
import type { ChainVerification, StoredChainedEvent, VerifiableEvent } from "@/lib/audit-chain/chain-verification";
import {
  createChainVerifier,
  isRedacted,
  type ChainVerifier,
  type EventHasher,
} from "@/lib/audit-chain/create-chain-verifier";

export type ChainSegmentOptions = {
  /** Redacted events at or after this sequence number are counted apart (null: none). */
  periodFirst: number | null;
  /** Sequence numbers whose stored hashes the caller wants back (signed checkpoints). */
  wantedSeqs: readonly number[];
};

export type ChainSegment = {
  /** The segment's first stored event, or null when it holds none. */
  first: { seq: number; prevHash: string } | null;
  /** The segment verified from its first event on. */
  verification: ChainVerification;
  /** Redacted events at or after `periodFirst` among those that verified. */
  periodRedactedCount: number;
  /** Stored hashes of the wanted sequence numbers among those that verified. */
  storedHashes: Array<[seq: number, hash: string]>;
};

const emptyVerification: ChainVerification = {
  status: "verified",
  firstSeq: null,
  lastSeq: null,
  count: 0,
  headHash: null,
  redactedCount: 0,
};

export async function verifyChainSegment<E extends VerifiableEvent = StoredChainedEvent>(
  pages: AsyncIterable<Iterable<E>>,
  hashOf: EventHasher<E>,
  { periodFirst, wantedSeqs }: ChainSegmentOptions,
  /** Called after each page: throws to stop (a stopped or lost report job). */
  checkpoint: () => void = () => undefined,
): Promise<ChainSegment> {
  const wanted = new Set(wantedSeqs);
  const storedHashes: Array<[number, string]> = [];
  let periodRedactedCount = 0;
  const onVerified = (event: E) => {
    if (periodFirst !== null && event.seq >= periodFirst && isRedacted(event)) periodRedactedCount += 1;
    if (wanted.has(event.seq)) storedHashes.push([event.seq, event.hash]);
  };
  let first: ChainSegment["first"] = null;
  let verifier: ChainVerifier<E> | null = null;
  pages: for await (const page of pages) {
    for (const event of page) {
      if (!verifier) {
        first = { seq: event.seq, prevHash: event.prevHash };
        verifier = createChainVerifier(first, hashOf, onVerified);
      }
      if (!verifier.push(event)) break pages;
    }
    checkpoint();
  }
  return {
    first,
    verification: verifier?.result() ?? emptyVerification,
    periodRedactedCount,
    storedHashes,
  };
}
