// What a chain verification thread is given and what it answers
// (verify-chain-segment-worker.ts).
import type { ChainSegment } from "@/lib/audit-chain/verify-chain-segment";
import type { ChainSegmentRequest } from "@/lib/audit/verify-stored-chain-segment";

export type ChainSegmentThreadData = { databaseUrl: string; request: ChainSegmentRequest };

export type ChainSegmentThreadMessage =
  { type: "verified"; segment: ChainSegment } | { type: "failed"; message: string; stack?: string };
