// One segment of an org's stored chain, read and verified on one connection:
// what each verification thread runs, and what the calling thread runs when
// the chain is too short to be worth a thread.
import {
  verifyChainSegment,
  type ChainSegment,
  type ChainSegmentOptions,
} from "@/lib/audit-chain/verify-chain-segment";
import { readAuditChainPages } from "@/lib/audit/read-audit-chain-events";
import type { RawSql } from "@/lib/db/raw-sql";

export type ChainSegmentRequest = ChainSegmentOptions & { orgId: string; from: number; to: number };

export async function verifyStoredChainSegment(
  raw: RawSql,
  { orgId, from, to, periodFirst, wantedSeqs }: ChainSegmentRequest,
  /** Called after each page: throws to stop (a stopped or lost report job). */
  checkpoint: () => void = () => undefined,
): Promise<ChainSegment> {
  return verifyChainSegment(readAuditChainPages(raw, orgId, { from, to }), { periodFirst, wantedSeqs }, checkpoint);
}
