// Starts a download's package thread, and knows which are running (a
// download's thread must end with it, whatever way the download ends).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { PackageThreadData } from "@/lib/compliance/package/package-thread-protocol";

/** The thread holds one stored chunk, one piece of a table and the report's header at a time. */
const threadHeap = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };

const running = new Set<Worker>();

/** Package threads of this process that have not exited yet. */
export function countPackageThreads(): number {
  return running.size;
}

export function spawnPackageThread(workerData: PackageThreadData): Worker {
  const thread = startThread(workerData);
  running.add(thread);
  thread.once("exit", () => running.delete(thread));
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
