// A report worker's end of its CSV render thread: rendering and storing the
// CSV is about a third of a report's work, so it runs beside the thread that
// reads the database and writes the JSON. The two threads talk over a
// MessagePort (the server process starts both and joins them); one report at
// a time. If the port closes (the CSV thread died), the report in progress
// fails with that reason and so does every later one, until the server
// restarts the pair.
import type { MessagePort } from "node:worker_threads";
import type { ArtifactTotals } from "@/lib/compliance/artifact-writer";
import type { CsvRenderReply, CsvRenderRequest } from "@/lib/compliance/csv-render-protocol";
import type { CsvArtifactSpec, CsvRenderer } from "@/lib/compliance/csv-renderer";
import { LeaseLostError } from "@/lib/compliance/report-job-errors";

/** Batches sent but not yet stored: bounds memory when the CSV side is the slower one. */
const maxBatchesInFlight = 4;

export type CsvRenderConnection = {
  open(spec: CsvArtifactSpec): CsvRenderer;
  /** Closes this end of the port; the CSV thread then ends. */
  close(): void;
};

type Waiter<T> = { resolve: (value: T) => void; reject: (error: Error) => void };

export function connectCsvRenderer(port: MessagePort): CsvRenderConnection {
  let active: ThreadCsvRenderer | null = null;
  let closed: Error | null = null;
  port.on("message", (reply: CsvRenderReply) => active?.receive(reply));
  port.on("close", () => {
    closed ??= new Error("The CSV render thread stopped");
    active?.fail(closed);
  });
  return {
    open(spec) {
      const renderer = new ThreadCsvRenderer(spec, (request) => port.postMessage(request));
      active = renderer;
      if (closed) renderer.fail(closed);
      else port.postMessage({ type: "open", spec } satisfies CsvRenderRequest);
      return renderer;
    },
    close() {
      closed ??= new Error("The CSV render connection was closed");
      port.close();
    },
  };
}

class ThreadCsvRenderer implements CsvRenderer {
  private inFlight = 0;
  private failure: Error | null = null;
  private settled = false;
  private drained: Waiter<void> | null = null;
  private finished: Waiter<ArtifactTotals> | null = null;
  private aborted: Waiter<void> | null = null;

  constructor(
    private readonly spec: CsvArtifactSpec,
    private readonly post: (request: CsvRenderRequest) => void,
  ) {}

  async writeRows(section: string, table: string, rowsJson: string): Promise<void> {
    this.assertUsable();
    this.post({ type: "rows", artifactId: this.spec.artifactId, section, table, rowsJson });
    this.inFlight += 1;
    while (this.inFlight >= maxBatchesInFlight) {
      await new Promise<void>((resolve, reject) => (this.drained = { resolve, reject }));
    }
  }

  async finish(): Promise<ArtifactTotals> {
    this.assertUsable();
    const totals = new Promise<ArtifactTotals>((resolve, reject) => (this.finished = { resolve, reject }));
    this.post({ type: "finish", artifactId: this.spec.artifactId });
    return totals;
  }

  async abort(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    if (this.failure) return;
    const done = new Promise<void>((resolve) => (this.aborted = { resolve, reject: () => resolve() }));
    this.post({ type: "abort", artifactId: this.spec.artifactId });
    await done;
  }

  receive(reply: CsvRenderReply): void {
    if (reply.artifactId !== this.spec.artifactId) return;
    switch (reply.type) {
      case "written": {
        this.inFlight -= 1;
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
        this.fail(reply.leaseLost ? new LeaseLostError(this.spec.lease.reportId) : new Error(reply.message));
        return;
    }
  }

  /** The thread failed this artifact or died: every waiting and later call sees the error. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const waiters = [this.drained, this.finished, this.aborted];
    this.drained = this.finished = this.aborted = null;
    for (const waiter of waiters) waiter?.reject(error);
  }

  private assertUsable(): void {
    if (this.failure) throw this.failure;
    if (this.settled) throw new Error("The CSV rendering has already ended");
  }
}
