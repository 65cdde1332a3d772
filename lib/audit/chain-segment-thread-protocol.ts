// What a chain verification thread is given and what it answers
// (verify-chain-segment-worker.ts).
import type { ChainSegment } from "@/lib/audit-chain/verify-chain-segment";
import type { ChainSegmentRequest } from "@/lib/audit/verify-stored-chain-segment";

/** `nice`: the thread's CPU niceness (0 leaves it as it is); `verifiedLines`: the process's table (shared-verified-chain-lines.ts). */
export type ChainSegmentThreadData = {
  databaseUrl: string;
  request: ChainSegmentRequest;
  nice: number;
  verifiedLines: SharedArrayBuffer | null;
};

export type ChainSegmentThreadMessage =
  { type: "verified"; segment: ChainSegment } | { type: "failed"; message: string; stack?: string };
