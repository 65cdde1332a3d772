// One of a download's tables threads: renders the package's table files (the
// CSV transcoding, the package's heaviest work) from the pieces of report.json
// its package thread shares with it, the pieces it is asked to render (the
// others it only follows), while the package thread reads the next pieces and
// frames, hashes and sends what came back. Started beside the package thread
// and ended with it (spawn-package-thread.ts).
import { workerData, type MessagePort } from "node:worker_threads";
import {
  createTableStepRenderer,
  type TableStep,
  type TableStepRenderer,
} from "@/lib/compliance/package/create-table-step-renderer";
import type { TablesThreadReply, TablesThreadRequest } from "@/lib/compliance/package/package-thread-protocol";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";

lowerThreadPriority();
const { port } = workerData as { port: MessagePort };
let renderer: TableStepRenderer | null = null;
let hasFailed = false;

const reply = (message: TablesThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const sendSteps = (steps: TableStep[]) =>
  reply(
    { type: "steps", steps },
    steps.flatMap((step) => ("bytes" in step ? [step.bytes.buffer as ArrayBuffer] : [])),
  );

port.on("message", (request: TablesThreadRequest) => {
  if (hasFailed) return;
  try {
    if (request.type === "plans") renderer = createTableStepRenderer(request.plans);
    else if (!renderer) throw new Error("The tables thread got report.json before its plans");
    else if (request.type === "json") {
      const { bytes, emit } = request;
      const steps = renderer.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), emit);
      if (emit) sendSteps(steps);
    } else {
      const steps = renderer.end(request.emit);
      if (request.emit) sendSteps(steps);
    }
  } catch (error) {
    hasFailed = true;
    reply({
      type: "failed",
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
  }
});
// The package thread closes its end when it is done: then this thread has nothing left and ends.
port.on("close", () => port.close());
