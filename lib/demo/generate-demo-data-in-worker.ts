// Runs generateDemoData in a worker thread while this thread writes what it
// produces, so generation (JavaScript) and inserting (the database driver) use
// both cores. Rows arrive in the order they were generated, so the result is
// identical to the single-threaded path.
import { Worker } from "node:worker_threads";
import type { DemoWorkerAck, DemoWorkerData, DemoWorkerMessage } from "@/lib/demo/demo-worker-protocol";
import type { DemoCounts, DemoGenerationInput, DemoStepListener } from "@/lib/demo/generate-demo-data";
import type { BulkWriter } from "@/lib/demo/open-bulk-writer";

export async function generateDemoDataInWorker(
  writer: Pick<BulkWriter, "provider" | "insertEncoded">,
  input: DemoGenerationInput,
  workerFile: string,
  onStep: DemoStepListener = () => undefined,
): Promise<DemoCounts> {
  const workerData: DemoWorkerData = { ...input, provider: writer.provider };
  // A TypeScript worker file is loaded through tsx's require hook (Node hands
  // neither tsx's loader nor its path aliases to a worker by itself).
  const worker = workerFile.endsWith(".ts")
    ? new Worker(`require("tsx/cjs");\nrequire(${JSON.stringify(workerFile)});`, { eval: true, workerData })
    : new Worker(workerFile, { workerData });
  try {
    return await new Promise<DemoCounts>((resolve, reject) => {
      // Messages are handled strictly one after another: a write finishes
      // before the next message is looked at.
      let queue = Promise.resolve();
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      worker.on("message", (message: DemoWorkerMessage) => {
        queue = queue
          .then(async () => {
            if (settled) return;
            if (message.type === "rows") {
              await writer.insertEncoded(message.table, message.columns, message.encoded);
              worker.postMessage({ type: "written" } satisfies DemoWorkerAck);
            } else if (message.type === "step") {
              onStep(message.step, message.rows);
            } else if (message.type === "done") {
              settled = true;
              resolve(message.counts);
            } else {
              const error = new Error(`demo generation failed: ${message.message}`);
              error.stack = message.stack ?? error.stack;
              fail(error);
            }
          })
          .catch(fail);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => fail(new Error(`the demo generation worker exited early (code ${code})`)));
    });
  } finally {
    await worker.terminate();
  }
}
