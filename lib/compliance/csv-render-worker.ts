// The CSV render thread of a report worker: turns the batches of JSON rows it
// is sent (over the port joining it to the report worker) into CSV and stores them as the CSV artifact's chunks, through its
// own database connection (the chunk writes stay lease-fenced). Requests are
// handled strictly in order; after a failure the artifact's remaining batches
// are dropped and the report worker, told once, fails or hands back the report.
import { workerData } from "node:worker_threads";
import { ArtifactWriter } from "@/lib/compliance/artifact-writer";
import type { CsvRenderReply, CsvRenderRequest, CsvRenderThreadData } from "@/lib/compliance/csv-render-protocol";
import type { CsvRenderer } from "@/lib/compliance/csv-renderer";
import { createCsvArtifactRenderer } from "@/lib/compliance/create-csv-artifact-renderer";
import { LeaseLostError } from "@/lib/compliance/report-job-errors";
import { createRawSql } from "@/lib/db/raw-sql";

const { databaseUrl, port } = workerData as CsvRenderThreadData;
const sql = createRawSql(databaseUrl);
let current: { artifactId: string; renderer: CsvRenderer } | null = null;
let queue: Promise<void> = Promise.resolve();

const reply = (message: CsvRenderReply) => port.postMessage(message);

port.on("message", (request: CsvRenderRequest) => {
  queue = queue.then(() => handle(request));
});
// The report worker is gone: nothing more will come, and this thread ends.
port.on("close", () => void queue.then(() => sql.close()));

async function handle(request: CsvRenderRequest): Promise<void> {
  const artifactId = request.type === "open" ? request.spec.artifactId : request.artifactId;
  try {
    switch (request.type) {
      case "open": {
        const { spec } = request;
        const writer = new ArtifactWriter(sql, spec.lease, spec.artifactId, spec);
        current = { artifactId, renderer: createCsvArtifactRenderer(writer, spec.columns) };
        return;
      }
      case "rows": {
        if (current?.artifactId !== artifactId) return;
        await current.renderer.writeRows(request.section, request.table, request.rowsJson);
        reply({ type: "written", artifactId });
        return;
      }
      case "finish": {
        if (current?.artifactId !== artifactId) return;
        const totals = await current.renderer.finish();
        current = null;
        reply({ type: "finished", artifactId, totals });
        return;
      }
      case "abort": {
        if (current?.artifactId === artifactId) current = null;
        reply({ type: "aborted", artifactId });
        return;
      }
    }
  } catch (error) {
    if (current?.artifactId === artifactId) current = null;
    reply({
      type: "failed",
      artifactId,
      message: error instanceof Error ? error.message : String(error),
      leaseLost: error instanceof LeaseLostError,
    });
  }
}
