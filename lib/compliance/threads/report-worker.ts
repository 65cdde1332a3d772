// The report worker thread: a thin shell that opens its own database client
// and runs processNextReport in a loop until the shared stop flag is set, or,
// started on demand, until no report waits.
// Heavy generation lives here so it never blocks the server's event loop.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { parentPort, threadId, workerData } from "node:worker_threads";
import { connectArtifactThread } from "@/lib/compliance/threads/connect-artifact-thread";
import { lowerThreadPriority } from "@/lib/process/lower-thread-priority";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import type { ReportWorkerData, ReportWorkerMessage } from "@/lib/compliance/threads/report-worker-protocol";
import { reportDefinitions } from "@/lib/compliance/reports";
import { createDatabaseClient } from "@/lib/db";
import { createThreadedSqliteAdapter } from "@/lib/compliance/threads/create-threaded-sqlite-adapter";
import { closeDatabaseClient } from "@/lib/db/raw-sql-of";
import { logger } from "@/lib/log/logger";

const data = workerData as ReportWorkerData;
// Requests on the main thread come first (list/status p99 on a busy 2-core host).
lowerThreadPriority();
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
  let ended = false;
  while (!shouldStop()) {
    try {
      const result = await processNextReport(database, workerId, {
        definitions: reportDefinitions,
        leaseSeconds: data.leaseSeconds,
        shouldStop,
        openArtifacts: artifactThread.open,
      });
      if (result) {
        parentPort?.postMessage({ type: "job", ...result } satisfies ReportWorkerMessage);
        continue;
      }
      // On demand, a set takes reports while they wait (starting one per report
      // would cut a queue of small ones to a third) and ends when none does:
      // an idle server keeps no report threads, nor what a report grew them to.
      if (data.onDemand) {
        ended = true;
        break;
      }
    } catch (error) {
      // A database hiccup must not kill the loop; the lease machinery retries.
      // An on-demand set too waits a poll and tries again: ending here would
      // only have the main thread start another set at once.
      log.error({ err: error }, "report worker turn failed");
    }
    if (!shouldStop()) await idle(data.pollMs);
  }
  artifactThread.close();
  await closeDatabaseClient(database);
  log.info(ended ? "report worker ended" : "report worker stopped");
  parentPort?.postMessage({ type: ended ? "ended" : "stopped" } satisfies ReportWorkerMessage);
  // The message listener would keep this thread alive; closing the port lets it end.
  parentPort?.close();
}

void main();
