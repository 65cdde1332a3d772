// Recomputes an org's chain over a run of stored events, in sequence order,
// one event at a time: memory stays flat however long the chain. The first
// break is reported with its sequence number and why; erased fields whose
// digests were kept count as redacted, not broken.
import { genesisHash, personalFieldsOf, type ChainedAuditEvent } from "@/lib/audit-chain/chained-audit-event";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";

export type StoredChainedEvent = ChainedAuditEvent & { hash: string };

export type ChainVerification = {
  status: "verified" | "broken";
  firstSeq: number | null;
  lastSeq: number | null;
  count: number;
  /** Hash of the last event that verified. */
  headHash: string | null;
  redactedCount: number;
  brokenAt?: { seq: number; reason: string };
};

export type ChainStart = {
  /** The sequence number the run must start at (1 for a whole chain). */
  seq: number;
  /** The previous event's stored hash (genesis for seq 1). */
  prevHash: string;
};

export async function verifyAuditChain(
  events: AsyncIterable<StoredChainedEvent> | Iterable<StoredChainedEvent>,
  start: ChainStart = { seq: 1, prevHash: genesisHash },
): Promise<ChainVerification> {
  let expectedSeq = start.seq;
  let expectedPrev = start.prevHash;
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  let headHash: string | null = null;
  let count = 0;
  let redactedCount = 0;
  const broken = (seq: number, reason: string): ChainVerification => ({
    status: "broken",
    firstSeq,
    lastSeq,
    count,
    headHash,
    redactedCount,
    brokenAt: { seq, reason },
  });

  for await (const event of events) {
    if (event.seq !== expectedSeq) {
      return event.seq > expectedSeq
        ? broken(expectedSeq, `Event ${expectedSeq} is missing (the next stored event is ${event.seq})`)
        : broken(event.seq, `Event ${event.seq} appears again or out of order after ${expectedSeq - 1}`);
    }
    if (event.prevHash !== expectedPrev) {
      return broken(event.seq, `Event ${event.seq} does not follow event ${event.seq - 1} (previous hash differs)`);
    }
    const missingDigest = redactedFieldWithoutValue(event);
    if (missingDigest) return broken(event.seq, missingDigest);
    if (hashAuditEvent(event) !== event.hash) {
      return broken(event.seq, `Event ${event.seq} was changed after it was written (its hash does not match)`);
    }
    if (event.redactions && Object.keys(event.redactions).length > 0) redactedCount += 1;
    firstSeq ??= event.seq;
    lastSeq = event.seq;
    headHash = event.hash;
    expectedPrev = event.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { status: "verified", firstSeq, lastSeq, count, headHash, redactedCount };
}

/** A field both present and marked erased means someone put a value back. */
function redactedFieldWithoutValue(event: StoredChainedEvent): string | null {
  if (!event.redactions) return null;
  for (const [name] of personalFieldsOf(event)) {
    if (name in event.redactions) return `Event ${event.seq} has a value for ${name}, which was erased`;
  }
  return null;
}
