// The report worker's end of the CSV render thread, against a scripted other
// end: backpressure, failures mapped to the errors the job understands,
// replies about other artifacts ignored, and a closed port failing the report.
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { connectCsvRenderer } from "@/lib/compliance/connect-csv-renderer";
import type { CsvRenderReply, CsvRenderRequest } from "@/lib/compliance/csv-render-protocol";
import type { CsvArtifactSpec } from "@/lib/compliance/csv-renderer";
import { LeaseLostError } from "@/lib/compliance/report-job-errors";

const spec: CsvArtifactSpec = {
  artifactId: "artifact-1",
  lease: { reportId: "report-1", workerId: "w", attempt: 1 },
  columns: ["id"],
  chunkBytes: 1024,
  leaseSeconds: 60,
};

const opened: MessagePort[] = [];
afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

/** A connection whose thread side records requests and answers only when told. */
function scriptedThread() {
  const channel = new MessageChannel();
  opened.push(channel.port1, channel.port2);
  const requests: CsvRenderRequest[] = [];
  let arrived: (() => void) | null = null;
  channel.port2.on("message", (request: CsvRenderRequest) => {
    requests.push(request);
    arrived?.();
  });
  return {
    connection: connectCsvRenderer(channel.port1),
    requests,
    reply: (message: CsvRenderReply) => channel.port2.postMessage(message),
    close: () => channel.port2.close(),
    async until(count: number) {
      while (requests.length < count) await new Promise<void>((resolve) => (arrived = resolve));
    },
  };
}

const settledWithin = async (promise: Promise<unknown>, ms = 50) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

describe("connectCsvRenderer", () => {
  it("opens the artifact, then holds the builder back while four batches are unacknowledged", async () => {
    const thread = scriptedThread();
    const renderer = thread.connection.open(spec);
    for (let index = 0; index < 3; index++) await renderer.writeRows("s", "t", `{"id":"${index}"}`);
    const fourth = renderer.writeRows("s", "t", '{"id":"3"}');
    expect(await settledWithin(fourth)).toBe(false);
    await thread.until(5);
    expect(thread.requests.map((request) => request.type)).toEqual(["open", "rows", "rows", "rows", "rows"]);
    thread.reply({ type: "written", artifactId: "other-artifact" });
    expect(await settledWithin(fourth)).toBe(false);
    thread.reply({ type: "written", artifactId: spec.artifactId });
    expect(await settledWithin(fourth)).toBe(true);
  });

  it("returns the thread's totals on finish", async () => {
    const thread = scriptedThread();
    const renderer = thread.connection.open(spec);
    const totals = renderer.finish();
    await thread.until(2);
    expect(thread.requests[1]).toEqual({ type: "finish", artifactId: spec.artifactId });
    thread.reply({
      type: "finished",
      artifactId: spec.artifactId,
      totals: { byteSize: 3, sha256: "ab", chunkCount: 1 },
    });
    await expect(totals).resolves.toEqual({ byteSize: 3, sha256: "ab", chunkCount: 1 });
    await expect(renderer.writeRows("s", "t", "{}")).rejects.toThrow(/already ended/);
  });

  it("turns a lease lost in the thread into LeaseLostError, and any other failure into its message", async () => {
    const lost = scriptedThread();
    const first = lost.connection.open(spec);
    lost.reply({ type: "failed", artifactId: spec.artifactId, message: "x", leaseLost: true });
    await expect(first.finish()).rejects.toBeInstanceOf(LeaseLostError);

    const broken = scriptedThread();
    const second = broken.connection.open(spec);
    const finishing = second.finish();
    broken.reply({ type: "failed", artifactId: spec.artifactId, message: "disk I/O error", leaseLost: false });
    await expect(finishing).rejects.toThrow("disk I/O error");
    await expect(second.writeRows("s", "t", "{}")).rejects.toThrow("disk I/O error");
    await second.abort();
  });

  it("waits for the thread to confirm an abort", async () => {
    const thread = scriptedThread();
    const renderer = thread.connection.open(spec);
    const aborting = renderer.abort();
    await thread.until(2);
    expect(await settledWithin(aborting)).toBe(false);
    thread.reply({ type: "aborted", artifactId: spec.artifactId });
    expect(await settledWithin(aborting)).toBe(true);
    await renderer.abort();
  });

  it("fails the report in progress, and every later one, once the thread's port closes", async () => {
    const thread = scriptedThread();
    const renderer = thread.connection.open(spec);
    const finishing = renderer.finish();
    thread.close();
    await expect(finishing).rejects.toThrow("The CSV render thread stopped");
    const next = thread.connection.open({ ...spec, artifactId: "artifact-2" });
    await expect(next.writeRows("s", "t", "{}")).rejects.toThrow("The CSV render thread stopped");
    await next.abort();
  });
});
