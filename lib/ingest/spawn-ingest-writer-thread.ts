// Starts the ingest writer thread, or answers null where none can start
// (compiled code outside a Next build: the caller writes in its own thread).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { IngestWriterThreadData } from "@/lib/ingest/ingest-writer-protocol";

export function spawnIngestWriterThread(workerData: IngestWriterThreadData): Worker | null {
  // Inside a Next build the URL form makes Next bundle the worker as a chunk of its own.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    return new Worker(new URL("./ingest-writer-worker.ts", import.meta.url), { workerData, name: "ingest-writer" });
  }
  // From sources (tsx scripts, tests) the TypeScript file is loaded through tsx's require hook.
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".ts")) return null;
  const file = path.join(path.dirname(here), "ingest-writer-worker.ts");
  return new Worker(`require("tsx/cjs");\nrequire(${JSON.stringify(file)});`, {
    eval: true,
    workerData,
    name: "ingest-writer",
  });
}
