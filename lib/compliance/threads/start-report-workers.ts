// Starts the report workers of this server process (worker_threads, each with
// its own database client, and each joined by a MessageChannel to an artifact
// thread of its own, which stores the report and renders its CSV, and on SQLite
// to a query thread of its own, which runs its Prisma queries, where the
// database profile asks for one). `stop()` sets the shared stop flag and waits
// for the workers to hand their reports back to pending; the process's signal
// handler (lib/shutdown/install-shutdown-handler.ts) calls it on SIGTERM/SIGINT.
//
// REPORT_WORKERS (default 1; 0 disables), REPORT_LEASE_SECONDS (default 60),
// REPORT_POLL_MS (default 2000), REPORT_WORKER_HEAP_MB (V8 old space per worker, default 192),
// REPORT_WORKER_NICE (CPU niceness of both threads, default 10: see lower-thread-priority.ts),
// REPORT_WORKERS_ON_DEMAND (default true: a set of threads starts when a report
// waits, takes reports while they wait and ends; false: the sets run and poll all the time).
import { MessageChannel, Worker } from "node:worker_threads";
import type { ArtifactThreadData } from "@/lib/compliance/threads/artifact-thread-protocol";
import { registerReportWaker } from "@/lib/compliance/jobs/signal-report-queued";
import { leaseSecondsFromEnv } from "@/lib/compliance/jobs/report-lease-seconds";
import {
  wakeMessage,
  type ReportWorkerData,
  type ReportWorkerMessage,
} from "@/lib/compliance/threads/report-worker-protocol";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import { reportThreadLingerMs } from "@/lib/compliance/threads/report-thread-linger-ms";
import { sharedVerifiedChainLines } from "@/lib/audit/shared-verified-chain-lines";
import { getDatabaseProvider, getDatabaseUrl } from "@/lib/db/database-url";
import type { SqliteQueryThreadData } from "@/lib/compliance/threads/sqlite-query-thread-protocol";
import { toBackgroundDatabaseUrl } from "@/lib/db/to-background-database-url";
import { logger } from "@/lib/log/logger";
import { getEnv } from "@/lib/env";
import { hasWaitingReport } from "@/lib/compliance/jobs/has-waiting-report";
import { db } from "@/lib/db";

const shutdownTimeoutMs = 20_000;
/**
 * The artifact thread holds a few short-lived batches of rows at a time:
 * small caps keep its garbage from piling up toward V8's defaults (peak RSS:
 * docs/benchmarks.md).
 */
const artifactThreadHeap = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };
/** The query thread holds one aggregate's result rows at a time. */
const queryThreadHeap = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 };
const firstRestartDelayMs = 2_000;
const maxRestartDelayMs = 60_000;
/** A worker that ran at least this long before exiting is restarted at once-ish again. */
const healthyRunMs = 60_000;

const globalForWorkers = globalThis as unknown as { attestReportWorkers?: { stop: () => Promise<void> } };

export function startReportWorkers(): { stop: () => Promise<void> } {
  if (globalForWorkers.attestReportWorkers) return globalForWorkers.attestReportWorkers;

  const count = readCount();
  const control = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const flags = new Int32Array(control);
  // Generation's connections yield to requests (no parallel query on PostgreSQL).
  const databaseUrl = toBackgroundDatabaseUrl(getDatabaseUrl());
  const profile = getReportEngineProfile(getDatabaseProvider(databaseUrl));
  const workerData: Omit<ReportWorkerData, "artifactPort"> = {
    databaseUrl,
    control,
    leaseSeconds: leaseSecondsFromEnv(),
    pollMs: getEnv().REPORT_POLL_MS,
    onDemand: getEnv().REPORT_WORKERS_ON_DEMAND,
    lingerMs: reportThreadLingerMs(profile),
    verifiedChainLines: sharedVerifiedChainLines(),
  };
  const workers = new Set<Worker>();
  /** Slots whose set of threads is running (or restarting after a crash). */
  const busySlots = new Set<number>();
  let stopping = false;

  const spawn = (index: number, restartDelayMs = firstRestartDelayMs) => {
    busySlots.add(index);
    const channel = new MessageChannel();
    // The URL form lets Next bundle each worker (TypeScript, @/ aliases) as its own chunk.
    // (Only inside a Next build: plain tsx cannot load a TypeScript worker.)
    const artifactThread = new Worker(new URL("./artifact-thread-worker.ts", import.meta.url), {
      workerData: { databaseUrl, port: channel.port2 } satisfies ArtifactThreadData,
      transferList: [channel.port2],
      name: `report-artifacts-${index}`,
      resourceLimits: artifactThreadHeap,
    });
    const queryChannel = profile.hasQueryThread ? new MessageChannel() : null;
    const queryThread =
      queryChannel &&
      new Worker(new URL("./query-thread-worker.ts", import.meta.url), {
        workerData: { databaseUrl, port: queryChannel.port2 } satisfies SqliteQueryThreadData,
        transferList: [queryChannel.port2],
        name: `report-queries-${index}`,
        resourceLimits: queryThreadHeap,
      });
    const worker = new Worker(new URL("./report-worker.ts", import.meta.url), {
      workerData: {
        ...workerData,
        artifactPort: channel.port1,
        queryPort: queryChannel?.port1,
      } satisfies ReportWorkerData,
      transferList: queryChannel ? [channel.port1, queryChannel.port1] : [channel.port1],
      name: `report-worker-${index}`,
      // Generation streams, so live memory is small; a cap makes V8 collect
      // early instead of growing the heap toward its default limit.
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() },
    });
    // The threads live and die together: a report worker without its artifact
    // or query thread would fail every report, so it is ended and restarted with
    // them. A helper thread ends cleanly (code 0) only when the report worker
    // closed its port on the way out; terminating the worker then would turn a
    // set that ended into one that crashed.
    const endWithHelper = (code: number) => !stopping && code !== 0 && void worker.terminate();
    artifactThread.on("error", (error) => logger.error({ err: error, index }, "report artifact thread crashed"));
    artifactThread.on("exit", endWithHelper);
    queryThread?.on("error", (error) => logger.error({ err: error, index }, "report query thread crashed"));
    queryThread?.on("exit", endWithHelper);
    const startedAt = Date.now();
    workers.add(worker);
    let ended = false;
    worker.on("message", (message: ReportWorkerMessage) => {
      if (message.type === "job") logger.info({ ...message }, "report job finished");
      if (message.type === "ended") ended = true;
    });
    worker.on("error", (error) => logger.error({ err: error, index }, "report worker crashed"));
    worker.on("exit", (code) => {
      workers.delete(worker);
      void artifactThread.terminate();
      void queryThread?.terminate();
      if (stopping) return;
      if (ended && code === 0) {
        busySlots.delete(index);
        // Another report may wait already: look now rather than at the next poll.
        void startWhereReportsWait();
        return;
      }
      // Back off when a worker keeps dying young (a broken build, no database).
      const delay = Date.now() - startedAt > healthyRunMs ? firstRestartDelayMs : restartDelayMs;
      logger.warn({ code, index, restartInMs: delay }, "report worker exited; restarting");
      setTimeout(() => !stopping && spawn(index, Math.min(delay * 2, maxRestartDelayMs)), delay).unref();
    });
  };
  const spawnIdleSlots = () => {
    for (let index = 0; index < count; index++) if (!busySlots.has(index)) spawn(index);
  };
  // On demand: threads start only when a report waits (queued here, or found by
  // polling: queued by another process, or its lease expired), so a server
  // with nothing to generate holds no report threads or their memory.
  let looking = false;
  let lookFailed = false;
  const startWhereReportsWait = async () => {
    if (stopping || looking || busySlots.size === count) return;
    looking = true;
    try {
      const waiting = await hasWaitingReport(db);
      lookFailed = false;
      if (waiting) spawnIdleSlots();
    } catch (error) {
      // Once per outage: the poll keeps trying.
      if (!lookFailed) logger.warn({ err: error }, "could not look for waiting reports; trying again at each poll");
      lookFailed = true;
    } finally {
      looking = false;
    }
  };
  const poll = workerData.onDemand
    ? setInterval(() => void startWhereReportsWait(), workerData.pollMs).unref()
    : undefined;
  if (workerData.onDemand) void startWhereReportsWait();
  else spawnIdleSlots();
  registerReportWaker(() => {
    if (workerData.onDemand && !stopping) spawnIdleSlots();
    workers.forEach((worker) => worker.postMessage(wakeMessage));
  });
  logger.info(
    { workers: count, onDemand: workerData.onDemand, leaseSeconds: workerData.leaseSeconds },
    "report workers started",
  );

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(poll);
    registerReportWaker(undefined);
    Atomics.store(flags, 0, 1);
    const exits = [...workers].map((worker) => {
      worker.postMessage(wakeMessage);
      return new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, shutdownTimeoutMs).unref());
    await Promise.race([Promise.all(exits), timeout]);
    await Promise.all([...workers].map((worker) => worker.terminate()));
  };

  globalForWorkers.attestReportWorkers = { stop };
  return globalForWorkers.attestReportWorkers;
}

function workerHeapMb(): number {
  return getEnv().REPORT_WORKER_HEAP_MB;
}

function readCount(): number {
  return getEnv().REPORT_WORKERS;
}
