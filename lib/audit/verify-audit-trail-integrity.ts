// What a report says about the audit trail it was built from: the org's whole
// chain recomputed from its first event to the head at generation (streamed,
// memory flat; a long chain in a thread of its own beside the report's build),
// the part of it that covers the report's period, and every earlier report's
// signed chain head re-checked against today's trail. A signed head catches
// what a valid-looking chain cannot: the newest events deleted (its sequence
// number is gone) and the chain recomputed consistently after the report was
// signed (its hash differs).
import { genesisHash } from "@/lib/audit-chain/chained-audit-event";
import type { ChainVerification } from "@/lib/audit-chain/verify-audit-chain";
import { readReportCheckpoints, type ReportCheckpoint } from "@/lib/audit/read-report-checkpoints";
import { verifyStoredChainRange } from "@/lib/audit/verify-stored-chain-range";
import type { Database } from "@/lib/db";

export type CheckpointCheck = {
  reportId: string;
  statementSeq: number;
  signedAt: string;
  seq: number | null;
  hash: string | null;
  holds: boolean;
  reason: string | null;
};

export type AuditTrailIntegrity = {
  /** Broken when the chain does not verify or an earlier checkpoint no longer holds. */
  status: "verified" | "broken";
  /** The whole chain, seq 1 to the head at generation. */
  chain: ChainVerification;
  /** The chain's head when verification began (null: no events). */
  head: { seq: number; hash: string } | null;
  /** Events from the first one that occurred at or after the period start, to the head. */
  period: { firstSeq: number | null; lastSeq: number | null; count: number; redactedCount: number };
  checkpoints: CheckpointCheck[];
};

export async function verifyAuditTrailIntegrity(
  db: Database,
  orgId: string,
  {
    periodStart,
    checkpoint = () => undefined,
  }: {
    /** Null: the period is all time. */
    periodStart: Date | null;
    /** Called between pages: throws to stop (a stopped or lost report job). */
    checkpoint?: () => void;
  },
): Promise<AuditTrailIntegrity> {
  // Statements first, head second: every statement read then signed a head
  // at or below the head read now, unless events were since deleted.
  const checkpoints = await readReportCheckpoints(db, orgId);
  const head = await db.auditEvent.findFirst({
    where: { orgId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const headSeq = head?.seq ?? 0;
  const periodFirst =
    (
      await db.auditEvent.aggregate({
        where: { orgId, seq: { lte: headSeq }, ...(periodStart ? { occurredAt: { gte: periodStart } } : {}) },
        _min: { seq: true },
      })
    )._min.seq ?? null;

  const wantedSeqs = checkpoints.flatMap((point) => (point.head ? [point.head.seq] : []));
  const {
    verification: chain,
    periodRedactedCount,
    storedHashes,
  } = await verifyStoredChainRange(db, {
    orgId,
    to: headSeq,
    start: { seq: 1, prevHash: genesisHash },
    periodFirst,
    wantedSeqs,
    checkpoint,
    // Reports verify while their build goes on (start-audit-trail-verification.ts).
    besideCaller: true,
  });

  const verifiedThrough = chain.lastSeq ?? 0;
  const checks = checkpoints.map((point) => checkCheckpoint(point, { headSeq, chain, storedHashes }));
  const periodCount = periodFirst === null ? 0 : Math.max(0, verifiedThrough - periodFirst + 1);
  return {
    status: chain.status === "broken" || checks.some((check) => !check.holds) ? "broken" : "verified",
    chain,
    head,
    period: {
      firstSeq: periodFirst,
      lastSeq: periodCount > 0 ? verifiedThrough : null,
      count: periodCount,
      redactedCount: periodRedactedCount,
    },
    checkpoints: checks,
  };
}

function checkCheckpoint(
  point: ReportCheckpoint,
  { headSeq, chain, storedHashes }: { headSeq: number; chain: ChainVerification; storedHashes: Map<number, string> },
): CheckpointCheck {
  const base = {
    reportId: point.reportId,
    statementSeq: point.statementSeq,
    signedAt: point.signedAt,
    seq: point.head?.seq ?? null,
    hash: point.head?.hash ?? null,
  };
  const fails = (reason: string): CheckpointCheck => ({ ...base, holds: false, reason });
  if (point.problem) return fails(point.problem);
  // The org had no events when the report was signed: any trail extends that.
  if (!point.head) return { ...base, holds: true, reason: null };
  const { seq, hash } = point.head;
  if (seq > headSeq) {
    return fails(
      headSeq === 0
        ? `Event ${seq} no longer exists: the trail is empty (events were deleted)`
        : `Event ${seq} no longer exists: the trail now ends at ${headSeq} (newer events were deleted)`,
    );
  }
  if (chain.brokenAt && chain.brokenAt.seq <= seq) {
    return fails(
      `The chain breaks at event ${chain.brokenAt.seq}, at or before this checkpoint: ${chain.brokenAt.reason}`,
    );
  }
  const stored = storedHashes.get(seq);
  if (stored === undefined) return fails(`Event ${seq} no longer exists`);
  if (stored !== hash) {
    return fails(`Event ${seq} now has hash ${stored}, not the ${hash} the report signed (the chain was rewritten)`);
  }
  return { ...base, holds: true, reason: null };
}
