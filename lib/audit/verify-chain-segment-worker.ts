// A chain verification thread: reads one segment of an org's chain on a
// connection of its own, verifies it, answers once and ends.
import { parentPort, workerData } from "node:worker_threads";
import type { ChainSegmentThreadData, ChainSegmentThreadMessage } from "@/lib/audit/chain-segment-thread-protocol";
import { verifyStoredChainSegment } from "@/lib/audit/verify-stored-chain-segment";
import { createRawSql } from "@/lib/db/raw-sql";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";
import { adoptVerifiedChainLines } from "@/lib/audit/shared-verified-chain-lines";

const port = parentPort;
if (!port) throw new Error("verify-chain-segment-worker must run as a worker thread");
const { databaseUrl, request, nice, verifiedLines } = workerData as ChainSegmentThreadData;
// Background work, like report generation: requests get the CPU first.
lowerThreadPriority(nice);
adoptVerifiedChainLines(verifiedLines);
const raw = createRawSql(databaseUrl, { poolSize: 1 });

verifyStoredChainSegment(raw, request)
  .then(
    (segment) => port.postMessage({ type: "verified", segment } satisfies ChainSegmentThreadMessage),
    (error: unknown) =>
      port.postMessage({
        type: "failed",
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      } satisfies ChainSegmentThreadMessage),
  )
  .finally(() => raw.close());
