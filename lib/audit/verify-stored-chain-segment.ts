// One segment of an org's stored chain, read and verified on one connection:
// what each verification thread runs, and what the calling thread runs when
// the chain is too short to be worth a thread.
//
// Each database has a fast path. SQLite writes each event's canonical text
// (chain-link-columns.ts) and only the personal digests and the hash are
// computed here; where that finds a break, the segment is verified again from
// that event on, from the events' fields (the path every event once took), and
// that answer stands: text the database wrote otherwise than we do can only
// make the fast path doubt an event, never pass one. PostgreSQL's lines of COPY
// text are written into the canonical form as they stand
// (hash-copy-chain-line.ts), and a line whose hash does not match is hashed
// from its fields at once, so its answer is already the fields' answer.
import type { ChainStart } from "@/lib/audit-chain/chain-verification";
import { joinChainSegments } from "@/lib/audit-chain/join-chain-segments";
import { hashAuditEvent, hashChainLink } from "@/lib/audit-chain/hash-audit-event";
import {
  verifyChainSegment,
  type ChainSegment,
  type ChainSegmentOptions,
} from "@/lib/audit-chain/verify-chain-segment";
import { chainLinkColumnsOf } from "@/lib/audit/chain-link-columns";
import {
  readAuditChainHashedLinks,
  readAuditChainLinkPages,
  readAuditChainPages,
} from "@/lib/audit/read-audit-chain-events";
import type { RawSql } from "@/lib/db/raw-sql";

export type ChainSegmentRequest = ChainSegmentOptions & { orgId: string; from: number; to: number };

export async function verifyStoredChainSegment(
  raw: RawSql,
  { orgId, from, to, periodFirst, wantedSeqs }: ChainSegmentRequest,
  /** Called after each page: throws to stop (a stopped or lost report job). */
  checkpoint: () => void = () => undefined,
): Promise<ChainSegment> {
  const options = { periodFirst, wantedSeqs };
  const byFields = (start: number) =>
    verifyChainSegment(readAuditChainPages(raw, orgId, { from: start, to }), hashAuditEvent, options, checkpoint);
  const linkColumns = chainLinkColumnsOf(raw.provider);
  // PostgreSQL's lines already fall back one by one (hashedLinkOfCopyLine): its break is the fields' own.
  if (!linkColumns) {
    return verifyChainSegment(
      readAuditChainHashedLinks(raw, orgId, { from, to }),
      (link) => link.recomputedHash,
      options,
      checkpoint,
    );
  }
  const fast = await verifyChainSegment(
    readAuditChainLinkPages(raw, orgId, { from, to }, linkColumns),
    hashChainLink,
    options,
    checkpoint,
  );
  const { first } = fast;
  const brokenAt = fast.verification.brokenAt;
  if (!brokenAt || !first) return fast;
  return followedBy(fast, first, await byFields(brokenAt.seq));
}

/** The fast path's events up to its break, then the fields' answer from there on: one segment. */
function followedBy(fast: ChainSegment, first: ChainStart, rest: ChainSegment): ChainSegment {
  const { brokenAt: _doubted, ...verifiedPart } = fast.verification;
  const prefix: ChainSegment = { ...fast, verification: { ...verifiedPart, status: "verified" } };
  const joined = joinChainSegments([prefix, rest], first);
  return {
    first,
    verification: joined.verification,
    periodRedactedCount: joined.periodRedactedCount,
    storedHashes: [...joined.storedHashes],
  };
}
