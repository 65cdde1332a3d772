// The benches' list/status pings, in a thread of their own. Timed on an event
// loop that does nothing else, a ping's latency is the server's and the
// network's: on the bench's own loop its answer waited behind the downloads
// and uploads the bench itself was busy with.
// Any message stops it: it waits for the pings in flight and answers
// { latencies (ms, sorted), errors }; pings still unanswered after 30 s count as errors.
import { parentPort, workerData } from "node:worker_threads";
import { request } from "./http-request";

/** `reportId`: the report whose status is read, in turn with the first page of the list. */
export type PingerOptions = { port: number; apiKey: string; everyMs: number; reportId: string };
export type PingerAnswer = { latencies: number[]; errors: number };

const parent = parentPort!;
const { port, apiKey, everyMs, reportId } = workerData as PingerOptions;
const paths = ["/api/engine/compliance/reports?limit=25", `/api/engine/compliance/reports/${reportId}`];
const latencies: number[] = [];
let errors = 0;
let inFlight = 0;
let turn = 0;

function ping(path: string): void {
  const started = performance.now();
  inFlight += 1;
  request(port, "GET", path, apiKey)
    .then(
      (response) => (response.status === 200 ? latencies.push(performance.now() - started) : errors++),
      () => errors++,
    )
    .finally(() => (inFlight -= 1));
}

const timer = setInterval(() => ping(paths[turn++ % paths.length]!), everyMs);

parent.once("message", async () => {
  clearInterval(timer);
  const deadline = Date.now() + 30_000;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  parent.postMessage({ latencies: latencies.sort((a, b) => a - b), errors: errors + inFlight } satisfies PingerAnswer);
});
