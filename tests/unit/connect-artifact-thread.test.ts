// The report worker's end of its artifact thread, against a scripted other
// end: backpressure, failures mapped to the errors the job understands,
// replies about other attempts ignored, and a closed port failing the report.
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import type { ArtifactThreadReply, ArtifactThreadRequest } from "@/lib/compliance/threads/artifact-thread-protocol";
import { connectArtifactThread, maxCharsInFlight } from "@/lib/compliance/threads/connect-artifact-thread";
import type { ReportArtifactsSpec, RowBatch } from "@/lib/compliance/artifacts/report-artifacts";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";

const spec: ReportArtifactsSpec = {
  jsonArtifactId: "artifact-1",
  csvArtifactId: "artifact-1-csv",
  lease: { reportId: "report-1", workerId: "w", attempt: 1 },
  csvColumns: ["id"],
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
  const requests: ArtifactThreadRequest[] = [];
  let arrived: (() => void) | null = null;
  channel.port2.on("message", (request: ArtifactThreadRequest) => {
    requests.push(request);
    arrived?.();
  });
  return {
    connection: connectArtifactThread(channel.port1),
    requests,
    reply: (message: ArtifactThreadReply) => channel.port2.postMessage(message),
    close: () => channel.port2.close(),
    async until(count: number) {
      while (requests.length < count) await new Promise<void>((resolve) => (arrived = resolve));
    },
  };
}

const batch = (rowsJson: string): RowBatch => ({ section: "s", table: "t", separator: "\n", rowsJson });

const settledWithin = async (promise: Promise<unknown>, ms = 50) =>
  Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), ms))]);

describe("connectArtifactThread", () => {
  it("opens the artifact, then holds the builder back while its limit of characters is unacknowledged", async () => {
    const thread = scriptedThread();
    const artifacts = thread.connection.open(spec);
    // Four batches of a quarter of the limit each: the fourth reaches it.
    const quarter = (index: number) => batch(`{"id":"${index}","body":"${"x".repeat(maxCharsInFlight / 4 - 20)}"}`);
    for (let index = 0; index < 3; index++) await artifacts.writeRows(quarter(index));
    const fourth = artifacts.writeRows(quarter(3));
    expect(await settledWithin(fourth)).toBe(false);
    await thread.until(5);
    expect(thread.requests.map((request) => request.type)).toEqual(["open", "rows", "rows", "rows", "rows"]);
    thread.reply({ type: "written", key: "other-artifact" });
    expect(await settledWithin(fourth)).toBe(false);
    thread.reply({ type: "written", key: spec.jsonArtifactId });
    expect(await settledWithin(fourth)).toBe(true);
    // Many small batches pass while their characters stay under the limit.
    for (let index = 0; index < 100; index++) {
      expect(await settledWithin(artifacts.writeRows(batch(`{"id":"small-${index}"}`)))).toBe(true);
    }
    // Document text between tables is sent in order and needs no acknowledgement.
    await artifacts.writeJson("]}");
    await thread.until(106);
    expect(thread.requests[105]).toEqual({ type: "json", key: spec.jsonArtifactId, text: "]}" });
  });

  it("returns the thread's totals on finish", async () => {
    const thread = scriptedThread();
    const artifacts = thread.connection.open(spec);
    const totals = artifacts.finish();
    await thread.until(2);
    expect(thread.requests[1]).toEqual({ type: "finish", key: spec.jsonArtifactId });
    const pair = {
      json: { byteSize: 3, sha256: "ab", chunkCount: 1 },
      csv: { byteSize: 5, sha256: "cd", chunkCount: 1 },
    };
    thread.reply({ type: "finished", key: spec.jsonArtifactId, totals: pair });
    await expect(totals).resolves.toEqual(pair);
    await expect(artifacts.writeRows(batch("{}"))).rejects.toThrow(/already finished/);
  });

  it("turns a lease lost in the thread into LeaseLostError, and any other failure into its message", async () => {
    const lost = scriptedThread();
    const first = lost.connection.open(spec);
    lost.reply({ type: "failed", key: spec.jsonArtifactId, message: "x", leaseLost: true });
    await expect(first.finish()).rejects.toBeInstanceOf(LeaseLostError);

    const broken = scriptedThread();
    const second = broken.connection.open(spec);
    const finishing = second.finish();
    broken.reply({ type: "failed", key: spec.jsonArtifactId, message: "disk I/O error", leaseLost: false });
    await expect(finishing).rejects.toThrow("disk I/O error");
    await expect(second.writeRows(batch("{}"))).rejects.toThrow("disk I/O error");
    await second.abort();
  });

  it("waits for the thread to confirm an abort", async () => {
    const thread = scriptedThread();
    const artifacts = thread.connection.open(spec);
    const aborting = artifacts.abort();
    await thread.until(2);
    expect(await settledWithin(aborting)).toBe(false);
    thread.reply({ type: "aborted", key: spec.jsonArtifactId });
    expect(await settledWithin(aborting)).toBe(true);
    await artifacts.abort();
  });

  it("fails the report in progress, and every later one, once the thread's port closes", async () => {
    const thread = scriptedThread();
    const artifacts = thread.connection.open(spec);
    const finishing = artifacts.finish();
    thread.close();
    await expect(finishing).rejects.toThrow("The report artifact thread stopped");
    const next = thread.connection.open({ ...spec, jsonArtifactId: "artifact-2" });
    await expect(next.writeRows(batch("{}"))).rejects.toThrow("The report artifact thread stopped");
    await next.abort();
  });
});
