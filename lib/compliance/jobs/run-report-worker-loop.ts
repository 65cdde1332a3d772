// A report worker's loop, apart from its thread so it can be tested: take the
// next waiting report until the stop flag is set or, for an on-demand set,
// until none has waited for the linger window.
export type ReportWorkerTurn = "processed" | "none";

export type ReportWorkerLoop = {
  /** Takes and generates the next waiting report, if any. */
  processNext: () => Promise<ReportWorkerTurn>;
  shouldStop: () => boolean;
  /** Waits up to `ms`, or less if woken (a report was queued here, or stop). */
  idle: (ms: number) => Promise<void>;
  pollMs: number;
  /** Started because a report waits: end once none has waited for `lingerMs`. */
  onDemand: boolean;
  /**
   * Reports come in bursts (schedules firing together, a person generating
   * several): a set that stays a while after its last report gives the next
   * one threads already started and compiled instead of new ones.
   */
  lingerMs: number;
  now?: () => number;
  /** A turn that threw: the loop goes on (the lease machinery retries). */
  onTurnError: (error: unknown) => void;
};

/** "ended": an on-demand set found nothing to do for its linger window; "stopped": the stop flag. */
export async function runReportWorkerLoop(loop: ReportWorkerLoop): Promise<"ended" | "stopped"> {
  const now = loop.now ?? Date.now;
  let idleSince: number | null = null;
  while (!loop.shouldStop()) {
    let wait = loop.pollMs;
    try {
      if ((await loop.processNext()) === "processed") {
        idleSince = null;
        continue;
      }
      if (loop.onDemand) {
        idleSince ??= now();
        const left = loop.lingerMs - (now() - idleSince);
        if (left <= 0) return "ended";
        wait = Math.min(wait, left);
      }
    } catch (error) {
      // A database hiccup must not kill the loop. An on-demand set too waits a
      // poll and tries again: ending here would only have the main thread start another set at once.
      loop.onTurnError(error);
    }
    if (!loop.shouldStop()) await loop.idle(wait);
  }
  return "stopped";
}
