// The benches' list/status pings, in a thread of their own. Timed on an event
// loop that does nothing else, a ping's latency is the server's and the
// network's: on the bench's own loop its answer waited behind the downloads
// and uploads the bench itself was busy with.
// workerData: { port, apiKey, everyMs, paths } (paths are taken in turn).
// Any message stops it: it waits for the pings in flight and answers
// { latencies (ms, sorted), errors }; pings still unanswered after 30 s count as errors.
import http from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { port, apiKey, everyMs, paths } = workerData;
const latencies = [];
let errors = 0;
let inFlight = 0;
let turn = 0;

function ping(path) {
  const started = performance.now();
  inFlight += 1;
  let settled = false;
  const settle = (ok) => {
    if (settled) return;
    settled = true;
    inFlight -= 1;
    if (ok) latencies.push(performance.now() - started);
    else errors += 1;
  };
  // A new TCP connection per request, as the benches always pinged.
  const request = http.request(
    { host: "127.0.0.1", port, method: "GET", path, headers: { authorization: `Bearer ${apiKey}` }, agent: false },
    (response) => {
      response.resume();
      response.on("end", () => settle(response.statusCode === 200));
      response.on("error", () => settle(false));
    },
  );
  request.setTimeout(120_000, () => request.destroy(new Error("timeout")));
  request.on("error", () => settle(false));
  request.end();
}

const timer = setInterval(() => ping(paths[turn++ % paths.length]), everyMs);

parentPort.once("message", async () => {
  clearInterval(timer);
  const deadline = Date.now() + 30_000;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  parentPort.postMessage({ latencies: latencies.sort((a, b) => a - b), errors: errors + inFlight });
});
