// Recomputes an org's stored chain over a range of sequence numbers (default:
// all of it). Streams page by page, so memory stays flat however long the
// trail; a range that starts past 1 links to its predecessor's stored hash.
import { genesisHash } from "@/lib/audit-chain/chained-audit-event";
import type { ChainVerification } from "@/lib/audit-chain/verify-audit-chain";
import { verifyStoredChainRange } from "@/lib/audit/verify-stored-chain-range";
import type { Database } from "@/lib/db";

/** Sequence numbers are 32-bit integers in both databases. */
export const maxSeq = 2_147_483_647;

export type ChainRange = { from?: number; to?: number };

export async function verifyStoredAuditChain(
  db: Database,
  orgId: string,
  range: ChainRange = {},
): Promise<ChainVerification> {
  const from = range.from ?? 1;
  let prevHash = genesisHash;
  if (from > 1) {
    const previous = await db.auditEvent.findUnique({
      where: { orgId_seq: { orgId, seq: from - 1 } },
      select: { hash: true },
    });
    if (!previous) {
      return {
        status: "broken",
        firstSeq: null,
        lastSeq: null,
        count: 0,
        headHash: null,
        redactedCount: 0,
        brokenAt: { seq: from - 1, reason: `Event ${from - 1}, which the range follows, is missing` },
      };
    }
    prevHash = previous.hash;
  }
  // The last stored event in the range: threads split the range up to it.
  const last = await db.auditEvent.aggregate({
    where: { orgId, seq: { gte: from, lte: range.to ?? maxSeq } },
    _max: { seq: true },
  });
  const to = last._max.seq ?? from - 1;
  const { verification } = await verifyStoredChainRange(db, {
    orgId,
    to,
    start: { seq: from, prevHash },
    periodFirst: null,
    wantedSeqs: [],
  });
  return verification;
}
