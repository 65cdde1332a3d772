// A report worker's end of its artifact thread. Storing the JSON and rendering
// and storing the CSV is about half of a report's work, so it runs beside the
// thread that reads the database and writes the JSON text. The two threads
// talk over a MessagePort (the server process starts both and joins them); one
// report at a time. If the port closes (the artifact thread died), the report
// in progress fails with that reason and so does every later one, until the
// server restarts the pair.
import type { MessagePort } from "node:worker_threads";
import type { ArtifactThreadReply, ArtifactThreadRequest } from "@/lib/compliance/threads/artifact-thread-protocol";
import type {
  ArtifactTotalsPair,
  ReportArtifacts,
  ReportArtifactsSpec,
  RowBatch,
} from "@/lib/compliance/artifacts/report-artifacts";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";

/**
 * Characters of row batches sent but not yet stored: bounds memory when the
 * artifact thread is the slower one (a batch of emails can hold a 1 M-character
 * body), and keeps it fed while this thread reads a page: about 64 SOC2
 * batches (docs/benchmarks.md, characters in flight).
 */
export const maxCharsInFlight = 4 * 1024 * 1024;

export type ArtifactThreadConnection = {
  open(spec: ReportArtifactsSpec): ReportArtifacts;
  /** Closes this end of the port; the artifact thread then ends. */
  close(): void;
};

type Waiter<T> = { resolve: (value: T) => void; reject: (error: Error) => void };

export function connectArtifactThread(port: MessagePort): ArtifactThreadConnection {
  let active: ThreadArtifacts | null = null;
  let closed: Error | null = null;
  port.on("message", (reply: ArtifactThreadReply) => active?.receive(reply));
  port.on("close", () => {
    closed ??= new Error("The report artifact thread stopped");
    active?.fail(closed);
  });
  return {
    open(spec) {
      const artifacts = new ThreadArtifacts(spec.jsonArtifactId, spec.lease.reportId, (request) =>
        port.postMessage(request),
      );
      active = artifacts;
      if (closed) artifacts.fail(closed);
      else port.postMessage({ type: "open", spec } satisfies ArtifactThreadRequest);
      return artifacts;
    },
    close() {
      closed ??= new Error("The report artifact connection was closed");
      port.close();
    },
  };
}

class ThreadArtifacts implements ReportArtifacts {
  /** Characters of each batch not yet acknowledged, oldest first (replies come in order). */
  private readonly inFlight: number[] = [];
  private inFlightChars = 0;
  private failure: Error | null = null;
  private settled = false;
  private drained: Waiter<void> | null = null;
  private finished: Waiter<ArtifactTotalsPair> | null = null;
  private aborted: Waiter<void> | null = null;

  constructor(
    private readonly key: string,
    private readonly reportId: string,
    private readonly post: (request: ArtifactThreadRequest) => void,
  ) {}

  async writeJson(text: string): Promise<void> {
    this.assertUsable();
    this.post({ type: "json", key: this.key, text });
  }

  async writeRows(batch: RowBatch): Promise<void> {
    this.assertUsable();
    this.post({ type: "rows", key: this.key, batch });
    const chars = batch.rowsJson.length;
    this.inFlight.push(chars);
    this.inFlightChars += chars;
    while (this.inFlightChars >= maxCharsInFlight) {
      await new Promise<void>((resolve, reject) => (this.drained = { resolve, reject }));
    }
  }

  async finish(): Promise<ArtifactTotalsPair> {
    this.assertUsable();
    const totals = new Promise<ArtifactTotalsPair>((resolve, reject) => (this.finished = { resolve, reject }));
    this.post({ type: "finish", key: this.key });
    return totals;
  }

  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    if (this.failure) return;
    const done = new Promise<void>((resolve) => (this.aborted = { resolve, reject: () => resolve() }));
    this.post({ type: "abort", key: this.key });
    await done;
  }

  receive(reply: ArtifactThreadReply): void {
    if (reply.key !== this.key) return;
    switch (reply.type) {
      case "written": {
        this.inFlightChars -= this.inFlight.shift() ?? 0;
        const waiter = this.drained;
        this.drained = null;
        waiter?.resolve();
        return;
      }
      case "finished":
        this.settled = true;
        this.finished?.resolve(reply.totals);
        this.finished = null;
        return;
      case "aborted":
        this.aborted?.resolve();
        this.aborted = null;
        return;
      case "failed":
        this.fail(reply.leaseLost ? new LeaseLostError(this.reportId) : new Error(reply.message));
        return;
    }
  }

  /** The thread failed this attempt or died: every waiting and later call sees the error. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiters = [this.drained, this.finished, this.aborted];
    this.drained = this.finished = this.aborted = null;
    for (const waiter of waiters) waiter?.reject(error);
  }

  private assertUsable(): void {
    if (this.failure) throw this.failure;
    if (this.settled) throw new Error("The report's artifacts are already finished or aborted");
  }
}
