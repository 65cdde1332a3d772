// The package's tables rendered by the download's tables threads: this side
// copies report.json's second read into pieces of shared memory, sends every
// piece to every tables thread (each follows the whole document) and has them
// render the pieces in turn, keeping a few pieces ahead, and hands back the
// steps each piece rendered, in order. Reading and writing the package stay
// in this thread while the transcoding runs on the other cores.
import type { MessagePort } from "node:worker_threads";
import type { TableStep } from "@/lib/compliance/package/create-table-step-renderer";
import {
  tablesPieceBytes,
  tablesPiecesAhead,
  type TablesThreadReply,
  type TablesThreadRequest,
} from "@/lib/compliance/package/package-thread-protocol";
import type { TablePlan } from "@/lib/compliance/package/plan-package-files";
import type { TableStepSource } from "@/lib/compliance/package/write-package-files";

export function renderTableStepsInThreads(ports: MessagePort[]): TableStepSource {
  return async function* (json: AsyncIterable<Uint8Array>, plans: TablePlan[]): AsyncGenerator<TableStep[]> {
    const lanes = ports.map((port) => ({ port, replies: createReplyQueue(port) }));
    const sendAll = (request: (emitter: boolean) => TablesThreadRequest, emitter: number) =>
      lanes.forEach(({ port }, lane) => port.postMessage(request(lane === emitter)));
    sendAll(() => ({ type: "plans", plans }), -1);
    let piece = newPiece();
    let filled = 0;
    // Pieces sent whose steps are not yet handed on: the oldest's rendering lane is `handedOn % lanes`.
    let sent = 0;
    let handedOn = 0;
    const sendPiece = () => {
      const bytes = piece.subarray(0, filled);
      sendAll((emit) => ({ type: "json", bytes, emit }), sent % lanes.length);
      piece = newPiece();
      filled = 0;
      sent += 1;
    };
    const nextSteps = () => lanes[handedOn++ % lanes.length]!.replies.next();
    try {
      for await (const chunk of json) {
        for (let at = 0; at < chunk.byteLength;) {
          const count = Math.min(chunk.byteLength - at, tablesPieceBytes - filled);
          piece.set(chunk.subarray(at, at + count), filled);
          filled += count;
          at += count;
          if (filled === tablesPieceBytes) sendPiece();
        }
        while (sent - handedOn >= tablesPiecesAhead) yield await nextSteps();
      }
      if (filled > 0) sendPiece();
      sendAll((emit) => ({ type: "end", emit }), sent % lanes.length);
      sent += 1;
      while (handedOn < sent) yield await nextSteps();
    } finally {
      for (const { replies } of lanes) replies.stop();
    }
  };
}

/** A piece of report.json in memory every tables thread reads; never written again once sent. */
function newPiece(): Buffer {
  return Buffer.from(new SharedArrayBuffer(tablesPieceBytes));
}

/** One tables thread's answers in order; its failure (or the thread gone) rejects the next one. */
function createReplyQueue(port: MessagePort) {
  const ready: TableStep[][] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const onMessage = (reply: TablesThreadReply) => {
    if (reply.type === "steps") ready.push(reply.steps.map(toBufferStep));
    else {
      failure ??= new Error(reply.message);
      if (reply.stack) failure.stack = reply.stack;
    }
    wake?.();
  };
  const onClose = () => {
    failure ??= new Error("The evidence package's tables thread stopped");
    wake?.();
  };
  port.on("message", onMessage);
  port.on("close", onClose);
  return {
    async next(): Promise<TableStep[]> {
      while (ready.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (ready.length > 0) return ready.shift()!;
      throw failure!;
    },
    stop() {
      port.off("message", onMessage);
      port.off("close", onClose);
      port.close();
    },
  };
}

/** Bytes arrive as a plain Uint8Array over the moved memory: the same bytes as a Buffer, uncopied. */
function toBufferStep(step: TableStep): TableStep {
  if (!("bytes" in step)) return step;
  const { bytes } = step;
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
