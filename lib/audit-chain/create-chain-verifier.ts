// The chain's check as a step per event, in sequence order, with no await in
// between: readers hand whole pages of events to it, so a million events cost
// a million hashes, not a million promises. The first break is kept with its
// sequence number and why; erased fields whose digests were kept count as
// redacted, not broken.
import { personalFieldsOf } from "@/lib/audit-chain/chained-audit-event";
import {
  missingEventReason,
  toChainVerification,
  unlinkedEventReason,
  type ChainStart,
  type ChainVerification,
  type StoredChainedEvent,
  type VerifiableEvent,
} from "@/lib/audit-chain/chain-verification";

export type ChainVerifier<E extends VerifiableEvent = StoredChainedEvent> = {
  /** Checks the next event; false once the chain is broken (later events are not looked at). */
  push(event: E): boolean;
  result(): ChainVerification;
};

/** An event's hash recomputed from what was read of it (null: it cannot match). */
export type EventHasher<E extends VerifiableEvent> = (event: E) => string | null;

export function createChainVerifier<E extends VerifiableEvent = StoredChainedEvent>(
  start: ChainStart,
  /** Recomputes an event's hash from what was read of it (hashAuditEvent for whole events). */
  hashOf: EventHasher<E>,
  /** Called with each event once it verified, in sequence order. */
  onVerified: (event: E) => void = () => undefined,
): ChainVerifier<E> {
  let expectedSeq = start.seq;
  let expectedPrev = start.prevHash;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let headHash: string | null = null;
  let count = 0;
  let redactedCount = 0;
  let brokenAt: { seq: number; reason: string } | undefined;

  const check = (event: E): { seq: number; reason: string } | undefined => {
    if (event.seq !== expectedSeq) {
      return event.seq > expectedSeq
        ? { seq: expectedSeq, reason: missingEventReason(expectedSeq, event.seq) }
        : { seq: event.seq, reason: `Event ${event.seq} appears again or out of order after ${expectedSeq - 1}` };
    }
    if (event.prevHash !== expectedPrev) return { seq: event.seq, reason: unlinkedEventReason(event.seq) };
    const restored = restoredFieldOf(event);
    if (restored) return { seq: event.seq, reason: `Event ${event.seq} has a value for ${restored}, which was erased` };
    if (hashOf(event) !== event.hash) {
      return {
        seq: event.seq,
        reason: `Event ${event.seq} was changed after it was written (its hash does not match)`,
      };
    }
    return undefined;
  };

  return {
    push(event) {
      if (brokenAt) return false;
      brokenAt = check(event);
      if (brokenAt) return false;
      if (isRedacted(event)) redactedCount += 1;
      onVerified(event);
      firstSeq ??= event.seq;
      lastSeq = event.seq;
      headHash = event.hash;
      expectedPrev = event.hash;
      expectedSeq += 1;
      count += 1;
      return true;
    },
    result: () => toChainVerification({ firstSeq, lastSeq, count, headHash, redactedCount }, brokenAt),
  };
}

export function isRedacted(event: VerifiableEvent): boolean {
  return event.redactions !== null && Object.keys(event.redactions).length > 0;
}

/** A field both present and marked erased means someone put a value back. */
function restoredFieldOf(event: VerifiableEvent): string | null {
  if (!event.redactions) return null;
  for (const [name] of personalFieldsOf(event)) {
    if (name in event.redactions) return name;
  }
  return null;
}
