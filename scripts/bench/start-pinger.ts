// Starts the list/status pings the benches send while they load the server
// (ping-worker.ts, a thread of its own); stop() answers their figures.
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { PingerAnswer, PingerOptions } from "./ping-worker";

export type PingFigures = { count: number; p50: number; p99: number; max: number; errors: number };

export function startPinger(options: PingerOptions): { stop(): Promise<PingFigures> } {
  // The benches run from sources: the thread loads the TypeScript file through tsx's require hook.
  const file = path.join(process.cwd(), "scripts", "bench", "ping-worker.ts");
  const worker = new Worker(`require("tsx/cjs");\nrequire(${JSON.stringify(file)});`, {
    eval: true,
    workerData: options,
  });
  // A bench that fails mid-run must still end; stop() holds the process open for the answer.
  worker.unref();
  const answer = new Promise<PingerAnswer>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  return {
    async stop() {
      worker.ref();
      worker.postMessage("stop");
      const { latencies, errors } = await answer;
      await worker.terminate();
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
      return { count: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN, errors };
    },
  };
}
