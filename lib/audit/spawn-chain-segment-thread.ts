// Starts a chain verification thread, or answers null where none can start.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ChainSegmentThreadData } from "@/lib/audit/chain-segment-thread-protocol";

/**
 * A thread holds one page of events at a time: its young generation must hold
 * a page's rows and events, or they reach the old space and the thread spends
 * its time collecting there; a tighter old space also made it collect far more
 * often (docs/benchmarks.md, chain thread's heap).
 */
const threadHeap = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

export function spawnChainSegmentThread(workerData: ChainSegmentThreadData): Worker | null {
  // Inside a Next build the URL form makes Next bundle the worker as a chunk of its own.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    return new Worker(new URL("./verify-chain-segment-worker.ts", import.meta.url), {
      workerData,
      name: "audit-chain-verify",
      resourceLimits: threadHeap,
    });
  }
  // From sources (tsx scripts, tests) the TypeScript file is loaded through tsx's require hook.
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".ts")) return null;
  const file = path.join(path.dirname(here), "verify-chain-segment-worker.ts");
  return new Worker(`require("tsx/cjs");\nrequire(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
    name: "audit-chain-verify",
    resourceLimits: threadHeap,
  });
}
