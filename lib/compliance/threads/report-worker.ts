// The report worker thread: a thin shell that opens its own database client
// and runs processNextReport in a loop until the shared stop flag is set, or,
// started on demand, until no report has waited for its linger window.
// Heavy generation lives here so it never blocks the server's event loop.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { parentPort, threadId, workerData } from "node:worker_threads";
import { connectArtifactThread } from "@/lib/compliance/threads/connect-artifact-thread";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";
import { adoptVerifiedChainLines } from "@/lib/audit/shared-verified-chain-lines";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { runReportWorkerLoop } from "@/lib/compliance/jobs/run-report-worker-loop";
import type { ReportWorkerData, ReportWorkerMessage } from "@/lib/compliance/threads/report-worker-protocol";
import { reportDefinitions } from "@/lib/compliance/reports";
import { createDatabaseClient } from "@/lib/db";
import { createThreadedSqliteAdapter } from "@/lib/compliance/threads/create-threaded-sqlite-adapter";
import { closeDatabaseClient } from "@/lib/db/raw-sql-of";
import { logger } from "@/lib/log/logger";

const data = workerData as ReportWorkerData;
// Requests on the main thread come first (list/status p99 on a busy 2-core host).
lowerThreadPriority();
adoptVerifiedChainLines(data.verifiedChainLines);
const control = new Int32Array(data.control);
const workerId = `${hostname()}:${process.pid}:${threadId}:${randomUUID().slice(0, 8)}`;
const log = logger.child({ workerId });
// On SQLite the Prisma queries (section counts, lease and progress writes) run
// in a query thread beside this one, so a long count does not stop the
// population pages this thread streams (its raw connection stays here).
const database = createDatabaseClient(
  data.databaseUrl,
  data.queryPort ? { sqliteAdapter: createThreadedSqliteAdapter(data.queryPort) } : {},
);
// Artifacts are stored (and the CSV rendered) beside this thread: generation
// takes the longer of the two, not their sum.
const artifactThread = connectArtifactThread(data.artifactPort);
const shouldStop = () => Atomics.load(control, 0) === 1;

let wake: (() => void) | null = null;
parentPort?.on("message", () => wake?.());

function idle(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      wake = null;
      resolve();
    }
    wake = done;
  });
}

async function main(): Promise<void> {
  log.info("report worker started");
  const outcome = await runReportWorkerLoop({
    processNext: async () => {
      const result = await processNextReport(database, workerId, {
        definitions: reportDefinitions,
        leaseSeconds: data.leaseSeconds,
        shouldStop,
        openArtifacts: artifactThread.open,
      });
      if (!result) return "none";
      parentPort?.postMessage({ type: "job", ...result } satisfies ReportWorkerMessage);
      return "processed";
    },
    shouldStop,
    idle,
    pollMs: data.pollMs,
    onDemand: data.onDemand,
    lingerMs: data.lingerMs,
    onTurnError: (error) => log.error({ err: error }, "report worker turn failed"),
  });
  const ended = outcome === "ended";
  artifactThread.close();
  await closeDatabaseClient(database);
  log.info(ended ? "report worker ended" : "report worker stopped");
  parentPort?.postMessage({ type: ended ? "ended" : "stopped" } satisfies ReportWorkerMessage);
  // The message listener would keep this thread alive; closing the port lets it end.
  parentPort?.close();
}

void main();
