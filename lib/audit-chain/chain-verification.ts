// What verifying a run of a chain answers, and the words it uses for a break.
import type { HashableAuditEvent } from "@/lib/audit-chain/chained-audit-event";

export type StoredChainedEvent = HashableAuditEvent & { hash: string };

/** What checking an event's place and erasures needs, whatever form the event was read in. */
export type VerifiableEvent = Pick<
  StoredChainedEvent,
  "seq" | "prevHash" | "hash" | "salt" | "actorLabel" | "ip" | "metadata" | "redactions"
>;

/**
 * A stored event as the verification's fast path reads it: the database
 * writes the canonical form's text around `personal` (the digests are always
 * computed here, from the values). Where that text and ours could differ, the
 * hash does not match and the event is verified again from its fields.
 */
export type StoredChainLink = VerifiableEvent & { canonicalHead: string | null; canonicalTail: string | null };

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

/** The counts of a run so far, and where it broke (if it did): the one way both verifiers answer. */
export function toChainVerification(
  run: Omit<ChainVerification, "status" | "brokenAt">,
  brokenAt?: { seq: number; reason: string },
): ChainVerification {
  return brokenAt ? { status: "broken", ...run, brokenAt } : { status: "verified", ...run };
}

export type ChainStart = {
  /** The sequence number the run must start at (1 for a whole chain). */
  seq: number;
  /** The previous event's stored hash (genesis for seq 1). */
  prevHash: string;
};

/** Why a run breaks where the event expected next is not the next one stored. */
export function missingEventReason(expectedSeq: number, nextSeq: number): string {
  return `Event ${expectedSeq} is missing (the next stored event is ${nextSeq})`;
}

/** Why a run breaks where an event names another predecessor than the one before it. */
export function unlinkedEventReason(seq: number): string {
  return `Event ${seq} does not follow event ${seq - 1} (previous hash differs)`;
}
