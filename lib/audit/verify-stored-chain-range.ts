// Verifies a range of an org's stored chain. A long range is cut into equal
// segments verified side by side, one thread each with a connection of its
// own (reading rows and hashing are both CPU-bound), then joined in order; a
// short one is verified in the calling thread. A report verifies beside its
// build instead: the whole range in one thread of its own, so the build keeps
// its thread and the thread fills the time the build leaves a core idle.
// Either way the answer is the one a single pass in sequence order gives.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { joinChainSegments, type JoinedChain } from "@/lib/audit-chain/join-chain-segments";
import type { ChainSegment, ChainSegmentOptions } from "@/lib/audit-chain/verify-chain-segment";
import type { ChainStart } from "@/lib/audit-chain/verify-audit-chain";
import type { ChainSegmentThreadMessage } from "@/lib/audit/chain-segment-thread-protocol";
import { spawnChainSegmentThread } from "@/lib/audit/spawn-chain-segment-thread";
import { verifyStoredChainSegment, type ChainSegmentRequest } from "@/lib/audit/verify-stored-chain-segment";
import type { Database } from "@/lib/db";
import { databaseUrlOf, rawSqlOf } from "@/lib/db/raw-sql-of";
import { getEnv } from "@/lib/env";
import { reportThreadNice } from "@/lib/process/lower-thread-priority";
import { sharedVerifiedChainLines } from "@/lib/audit/shared-verified-chain-lines";

/** Below this many events per thread, starting threads costs more than it saves. */
const MIN_EVENTS_PER_THREAD = 50_000;
/** How often a threaded verification asks the caller whether to stop. */
const CHECKPOINT_EVERY_MS = 250;

/**
 * A report's build waits at its end for the chain verified beside it: that
 * thread runs between the build's priority and the requests', so it ends with
 * the build rather than after it (docs/benchmarks.md, the chain's priority).
 */
const besideBuildNice = () => Math.floor(reportThreadNice() / 2);

export type StoredChainRange = ChainSegmentOptions & {
  orgId: string;
  /** The last sequence number to verify (the head, or below it). */
  to: number;
  /** Where the range starts and the stored hash it must follow. */
  start: ChainStart;
  /** Called while verifying: throws to stop (a stopped or lost report job). */
  checkpoint?: () => void;
  /** Overrides AUDIT_VERIFY_THREADS and the events-per-thread minimum (tests). */
  threads?: { count: number; minEventsPerThread: number };
  /**
   * The caller goes on with other work meanwhile (a report's build): one
   * thread verifies the whole range, whatever AUDIT_VERIFY_THREADS says; a
   * range too short for a thread is verified in the calling thread.
   */
  besideCaller?: boolean;
};

/** The joined result, and how many threads verified it (1: one thread, or the calling thread). */
export type StoredChainRangeResult = JoinedChain & { threads: number };

export async function verifyStoredChainRange(db: Database, range: StoredChainRange): Promise<StoredChainRangeResult> {
  const { orgId, to, start, periodFirst, wantedSeqs, checkpoint = () => undefined } = range;
  const from = start.seq;
  const count = range.threads?.count ?? getEnv().AUDIT_VERIFY_THREADS ?? os.availableParallelism();
  const minEvents = range.threads?.minEventsPerThread ?? MIN_EVENTS_PER_THREAD;
  const threads = Math.min(range.besideCaller ? 1 : count, Math.floor((to - from + 1) / minEvents));
  const whole: ChainSegmentRequest = { orgId, from, to, periodFirst, wantedSeqs };
  // A single thread only pays off when it leaves the caller free.
  if (threads > 1 || (threads === 1 && range.besideCaller)) {
    const nice = range.besideCaller ? besideBuildNice() : reportThreadNice();
    const segments = await verifySegmentsInThreads(databaseUrlOf(db), splitRange(whole, threads), nice, checkpoint);
    if (segments) return { ...joinChainSegments(segments, start), threads: segments.length };
  }
  const segment = await verifyStoredChainSegment(rawSqlOf(db), whole, checkpoint);
  return { ...joinChainSegments([segment], start), threads: 1 };
}

function splitRange(request: ChainSegmentRequest, parts: number): ChainSegmentRequest[] {
  const size = Math.ceil((request.to - request.from + 1) / parts);
  return Array.from({ length: parts }, (_, index) => ({
    ...request,
    from: request.from + index * size,
    to: Math.min(request.to, request.from + (index + 1) * size - 1),
  }));
}

/**
 * The segments in order, one per thread. Null when no thread can start here
 * (the caller verifies in its own thread).
 */
async function verifySegmentsInThreads(
  databaseUrl: string,
  requests: ChainSegmentRequest[],
  nice: number,
  checkpoint: () => void,
): Promise<ChainSegment[] | null> {
  // Asked once before any thread starts: a segment can be verified before the first interval below.
  checkpoint();
  const threads: Worker[] = [];
  const verifiedLines = sharedVerifiedChainLines();
  for (const request of requests) {
    const thread = spawnChainSegmentThread({ databaseUrl, request, nice, verifiedLines });
    if (!thread) break;
    threads.push(thread);
  }
  if (threads.length < requests.length) {
    await Promise.all(threads.map((thread) => thread.terminate()));
    return null;
  }
  let stopTimer: NodeJS.Timeout | undefined;
  const stopped = new Promise<never>((_, reject) => {
    stopTimer = setInterval(() => {
      try {
        checkpoint();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, CHECKPOINT_EVERY_MS);
  });
  try {
    return await Promise.race([Promise.all(threads.map(segmentOf)), stopped]);
  } finally {
    clearInterval(stopTimer);
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

function segmentOf(thread: Worker): Promise<ChainSegment> {
  return new Promise((resolve, reject) => {
    thread.once("message", (message: ChainSegmentThreadMessage) => {
      if (message.type === "verified") return resolve(message.segment);
      const error = new Error(`audit chain verification thread failed: ${message.message}`);
      error.stack = message.stack ?? error.stack;
      reject(error);
    });
    thread.once("error", reject);
    thread.once("exit", (code) => reject(new Error(`audit chain verification thread exited (${code})`)));
  });
}
