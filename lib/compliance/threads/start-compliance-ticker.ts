// The compliance ticker of this server process: every COMPLIANCE_TICK_SECONDS
// it queues the reports of schedule periods that have closed
// (schedules/run-due-schedules.ts) and purges reports past their org's
// retention (retention/purge-expired-reports.ts). Both are safe with any
// number of processes on one database, so every process runs one. The first
// tick comes right at start, which is when periods missed while the server
// was down are caught up. The work is a few small queries and writes, so it
// runs on the main thread; generation itself stays on the report workers.
import { randomUUID } from "node:crypto";
import { purgeExpiredReports } from "@/lib/compliance/retention/purge-expired-reports";
import { runDueSchedules } from "@/lib/compliance/schedules/run-due-schedules";
import { db as defaultDb, type Database } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";

export type ComplianceTicker = { stop: () => Promise<void> };

const stopWaitMs = 5_000;

const globalForTicker = globalThis as unknown as { attestComplianceTicker?: ComplianceTicker };

export function startComplianceTicker({
  db = defaultDb,
  intervalMs = getEnv().COMPLIANCE_TICK_SECONDS * 1000,
  clock = () => new Date(),
}: { db?: Database; intervalMs?: number; clock?: () => Date } = {}): ComplianceTicker {
  if (globalForTicker.attestComplianceTicker) return globalForTicker.attestComplianceTicker;
  const workerId = `purge-${randomUUID()}`;
  let stopped = intervalMs <= 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const now = clock();
    try {
      const queued = await runDueSchedules(db, { now });
      if (queued.length > 0) logger.info({ queued: queued.length }, "scheduled reports queued");
      const purged = await purgeExpiredReports(db, { workerId, now });
      if (purged.length > 0) logger.info({ purged: purged.length }, "expired reports purged");
    } catch (error) {
      logger.error({ err: error }, "compliance tick failed; retried on the next tick");
    }
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => schedule(intervalMs));
    }, delayMs);
    timer.unref();
  };
  schedule(0);
  if (!stopped) logger.info({ intervalMs }, "compliance ticker started");

  const ticker: ComplianceTicker = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      // A tick's writes are each one transaction: cutting it short loses nothing, so shutdown waits only briefly.
      await Promise.race([running, new Promise<void>((resolve) => setTimeout(resolve, stopWaitMs).unref())]);
      globalForTicker.attestComplianceTicker = undefined;
    },
  };
  globalForTicker.attestComplianceTicker = ticker;
  return ticker;
}
