// One segment of an org's stored chain, read and verified on one connection:
// what each verification thread runs, and what the calling thread runs when
// the chain is too short to be worth a thread.
//
// Where the database has one (chain-link-columns.ts), the fast path reads
// each event's canonical text as the database writes it and computes only the
// personal digests and the hash here. Where it finds a break, the segment is verified again from that
// event on, from the events' fields (the path every event once took), and that
// answer stands: text the database quoted otherwise than we do can only make
// the fast path doubt an event, never pass one.
import type { ChainStart } from "@/lib/audit-chain/chain-verification";
import { joinChainSegments } from "@/lib/audit-chain/join-chain-segments";
import { hashAuditEvent, hashChainLink } from "@/lib/audit-chain/hash-audit-event";
import {
  verifyChainSegment,
  type ChainSegment,
  type ChainSegmentOptions,
} from "@/lib/audit-chain/verify-chain-segment";
import { chainLinkColumnsOf } from "@/lib/audit/chain-link-columns";
import { readAuditChainLinkPages, readAuditChainPages } from "@/lib/audit/read-audit-chain-events";
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
  if (!linkColumns) return byFields(from);
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
