// Worker entry for parallel seeding: generates the demo rows and posts them in
// batches to the main thread, which writes them. At most a few batches are in
// flight, so memory stays bounded however far generation runs ahead.
import { parentPort, workerData } from "node:worker_threads";
import type { DemoWorkerAck, DemoWorkerData, DemoWorkerMessage } from "@/lib/demo/demo-worker-protocol";
import { DEMO_WORKER_MAX_IN_FLIGHT } from "@/lib/demo/demo-worker-protocol";
import { formatDatabaseTimestamp } from "@/lib/demo/format-database-timestamp";
import { generateDemoData } from "@/lib/demo/generate-demo-data";
import { encodeRows, type RowSink } from "@/lib/demo/open-bulk-writer";

const port = parentPort;
if (!port) throw new Error("seed-demo-worker must run as a worker thread");
const data = workerData as DemoWorkerData;
const post = (message: DemoWorkerMessage) => port.postMessage(message);

let inFlight = 0;
let wake: (() => void) | null = null;
port.on("message", (message: DemoWorkerAck) => {
  if (message.type !== "written") return;
  inFlight--;
  wake?.();
  wake = null;
});

const sink: RowSink = {
  formatTimestamp: (ms) => formatDatabaseTimestamp(ms, data.provider),
  async insert(table, columns, rows) {
    while (inFlight >= DEMO_WORKER_MAX_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
    inFlight++;
    // Encoded here: PostgreSQL's COPY text crosses threads as one string, cheaper than cloning rows.
    post({ type: "rows", table, columns, encoded: encodeRows(data.provider, rows) });
  },
};

generateDemoData(sink, data, (step, rows) => post({ type: "step", step, rows }))
  .then(async (counts) => {
    while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
    post({ type: "done", counts });
  })
  .catch((error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    post({ type: "error", message: err.message, stack: err.stack });
  });
