// A report worker's artifact thread: stores the JSON text it is sent (over the
// port joining it to the report worker), renders each batch of rows as CSV and
// stores that, hashing both, through its own database connection (the chunk
// writes stay lease-fenced). Requests are handled strictly in order; after a
// failure the attempt's remaining requests are dropped and the report worker,
// told once, fails or hands back the report.
import { workerData } from "node:worker_threads";
import { ArtifactWriter } from "@/lib/compliance/artifacts/artifact-writer";
import type {
  ArtifactThreadData,
  ArtifactThreadReply,
  ArtifactThreadRequest,
} from "@/lib/compliance/threads/artifact-thread-protocol";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";
import type { ReportArtifacts } from "@/lib/compliance/artifacts/report-artifacts";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { createRawSql } from "@/lib/db/raw-sql";

const { databaseUrl, port } = workerData as ArtifactThreadData;
lowerThreadPriority();
const sql = createRawSql(databaseUrl);
let current: { key: string; artifacts: ReportArtifacts } | null = null;
let queue: Promise<void> = Promise.resolve();

const reply = (message: ArtifactThreadReply) => port.postMessage(message);

port.on("message", (request: ArtifactThreadRequest) => {
  queue = queue.then(() => handle(request));
});
// The report worker is gone: nothing more will come, and this thread ends.
port.on("close", () => void queue.then(() => sql.close()));

/** Ends the attempt's storage: nothing of it that is not final yet is kept. */
async function dropCurrent(): Promise<void> {
  const artifacts = current?.artifacts;
  current = null;
  await artifacts?.abort().catch(() => undefined);
}

async function handle(request: ArtifactThreadRequest): Promise<void> {
  const key = request.type === "open" ? request.spec.jsonArtifactId : request.key;
  try {
    if (request.type === "open") {
      const { spec } = request;
      const writer = (artifactId: string) => new ArtifactWriter(sql, spec.lease, artifactId, spec);
      const sinks = { json: writer(spec.jsonArtifactId), csv: writer(spec.csvArtifactId) };
      current = { key, artifacts: createReportArtifacts(sinks, spec.csvColumns) };
      return;
    }
    if (request.type === "abort") {
      if (current?.key === key) await dropCurrent();
      reply({ type: "aborted", key });
      return;
    }
    if (current?.key !== key) return;
    switch (request.type) {
      case "json":
        await current.artifacts.writeJson(request.text);
        return;
      case "rows":
        await current.artifacts.writeRows(request.batch);
        reply({ type: "written", key });
        return;
      case "finish": {
        const totals = await current.artifacts.finish();
        current = null;
        reply({ type: "finished", key, totals });
        return;
      }
    }
  } catch (error) {
    if (current?.key === key) await dropCurrent();
    reply({
      type: "failed",
      key,
      message: error instanceof Error ? error.message : String(error),
      leaseLost: error instanceof LeaseLostError,
    });
  }
}
