// The body of a package download: a stream the client pulls, fed by the
// download's package thread (render-package-worker.ts), so the rendering never
// runs on the thread that answers requests. Each piece the client takes lets
// the thread send one more; when the client goes away (the stream is
// cancelled) or the thread fails, the thread is terminated, so none outlives
// its download.
import type { Worker } from "node:worker_threads";
import { downloadBytesPerTurn } from "@/lib/compliance/artifacts/read-artifact-bytes";
import type {
  PackageThreadData,
  PackageThreadMessage,
  PackageThreadReply,
} from "@/lib/compliance/package/package-thread-protocol";
import { spawnPackageThread } from "@/lib/compliance/package/spawn-package-thread";
import { createTurnTaker } from "@/lib/process/create-turn-taker";
import type { ReleaseSlot } from "@/lib/process/create-concurrency-gate";

export type EvidencePackageStreamInput = PackageThreadData & {
  /** The compact JWS over SHA256SUMS (the signing key stays on this thread). */
  signSums(sums: string): Promise<string>;
  /** The thread's slot (reservePackageThread), released when the thread exits. */
  slot: ReleaseSlot;
};

export function streamEvidencePackage(input: EvidencePackageStreamInput): ReadableStream<Uint8Array> {
  const { signSums, slot, ...threadData } = input;
  let thread: Worker | undefined;
  const pieces: Uint8Array[] = [];
  /** Pieces of each batch received and not yet all taken, oldest first: a batch is acknowledged once taken whole. */
  const batchSizes: number[] = [];
  let takenOfOldest = 0;
  const turns = createTurnTaker(downloadBytesPerTurn);
  let isDone = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const reply = (message: PackageThreadReply) => thread?.postMessage(message);
  const fail = (error: Error) => {
    failure ??= error;
    notify();
  };

  return new ReadableStream<Uint8Array>({
    start() {
      const started = spawnPackageThread(threadData, slot);
      thread = started;
      started.on("message", (message: PackageThreadMessage) => {
        switch (message.type) {
          case "bytes":
            pieces.push(...message.pieces);
            batchSizes.push(message.pieces.length);
            break;
          case "sign":
            signSums(message.sums).then(
              (jws) => reply({ type: "signed", jws }),
              (error: unknown) => reply({ type: "sign-failed", message: String(error) }),
            );
            return;
          case "done":
            isDone = true;
            void started.terminate();
            break;
          case "failed": {
            const error = new Error(`The evidence package failed: ${message.message}`);
            error.stack = message.stack ?? error.stack;
            failure ??= error;
            void started.terminate();
            break;
          }
        }
        notify();
      });
      started.on("error", fail);
      started.on("exit", (code) => {
        if (!isDone) fail(new Error(`The evidence package thread stopped (exit code ${code})`));
      });
    },
    async pull(controller) {
      while (pieces.length === 0 && !isDone && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const piece = pieces.shift();
      if (piece) {
        controller.enqueue(piece);
        takenOfOldest += 1;
        if (takenOfOldest === batchSizes[0]) {
          batchSizes.shift();
          takenOfOldest = 0;
          reply({ type: "taken" });
        }
        // Pieces already here and a client that keeps up resolve every read and
        // write at once: without turns, the batches sent ahead went out in one
        // turn and other requests waited behind them.
        await turns.handedOn(piece.byteLength);
      } else if (failure) {
        controller.error(failure);
        await thread?.terminate();
      } else controller.close();
    },
    async cancel() {
      await thread?.terminate();
    },
  });
}
