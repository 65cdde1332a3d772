// Starts a download's package thread, and knows which are running (a
// download's thread must end with it, whatever way the download ends). Each
// thread holds a slot of a gate, so a burst of downloads cannot start more
// threads (and their memory) than PACKAGE_THREADS: the rest wait in line briefly.
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PackageThreadData } from "@/lib/compliance/package/package-thread-protocol";
import { getEnv } from "@/lib/env";
import { serverBusy } from "@/lib/errors/server-busy";
import { createConcurrencyGate, type ReleaseSlot } from "@/lib/process/create-concurrency-gate";

/**
 * The thread holds one stored chunk, one piece of a table and the report's
 * header at a time; its heap stays small whatever the cap. The cap is high on
 * purpose: V8 lets an old space capped well under 2 GB grow little between
 * full collections (1.3-fold for small caps) and counts the buffers passing
 * through against that growth, so a tight cap meant a full collection every
 * few MB of package.
 */
const threadHeap = { maxOldGenerationSizeMb: 2048, maxYoungGenerationSizeMb: 4 };

const running = new Set<Worker>();

const gate = createConcurrencyGate(() => {
  const env = getEnv();
  const limit = env.PACKAGE_THREADS ?? Math.max(2, os.availableParallelism());
  return { limit, maxWaiting: limit * 4, maxWaitMs: env.PACKAGE_WAIT_SECONDS * 1000 };
});

/** A package thread's slot; throws server_busy (503) when none frees up in time. */
export async function reservePackageThread(): Promise<ReleaseSlot> {
  const release = await gate.acquire();
  if (!release) throw serverBusy("evidence package downloads");
  return release;
}

/** Package threads of this process that have not exited yet. */
export function countPackageThreads(): number {
  return running.size;
}

/** Starts the thread in a reserved slot, which is released when the thread exits. */
export function spawnPackageThread(workerData: PackageThreadData, slot: ReleaseSlot): Worker {
  let thread: Worker;
  try {
    thread = startThread(workerData);
  } catch (error) {
    slot();
    throw error;
  }
  running.add(thread);
  thread.once("exit", () => {
    running.delete(thread);
    slot();
  });
  return thread;
}

function startThread(workerData: PackageThreadData): Worker {
  // Inside a Next build the URL form makes Next bundle the worker as a chunk of its own.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    return new Worker(new URL("./render-package-worker.ts", import.meta.url), {
      workerData,
      name: "evidence-package",
      resourceLimits: threadHeap,
    });
  }
  // From sources (tsx scripts, tests) the TypeScript file is loaded through tsx's require hook.
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".ts")) throw new Error("The evidence package thread runs inside a Next build or from sources");
  const file = path.join(path.dirname(here), "render-package-worker.ts");
  return new Worker(`require("tsx/cjs");\nrequire(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
    name: "evidence-package",
    resourceLimits: threadHeap,
  });
}
