// The heap limit (MB: old generation plus young) a worker thread started now gets, as V8 reports
// it from inside that thread: shows which heap limit a new isolate takes.
import { Worker, type ResourceLimits } from "node:worker_threads";

const reportLimit = `
const v8 = require("node:v8");
require("node:worker_threads").parentPort.postMessage(v8.getHeapStatistics().heap_size_limit / 2 ** 20);
`;

export function workerHeapLimitMb(resourceLimits?: ResourceLimits): Promise<number> {
  const worker = new Worker(reportLimit, { eval: true, resourceLimits });
  return new Promise<number>((resolve, reject) => {
    worker.once("message", (mb: number) => void worker.terminate().then(() => resolve(mb)));
    worker.once("error", reject);
  });
}
