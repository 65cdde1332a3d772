import { describe, expect, it } from "vitest";
import { runReportWorkerLoop, type ReportWorkerTurn } from "@/lib/compliance/jobs/run-report-worker-loop";

/**
 * A worker loop on a fake clock: `reportsAt` are the times (ms) reports are
 * queued; idle advances the clock by what it was asked to wait, or less when a
 * report is queued in between (the main thread's wake).
 */
function simulate(options: {
  onDemand: boolean;
  lingerMs: number;
  pollMs?: number;
  reportsAt: number[];
  stopAt?: number;
}) {
  let clock = 0;
  const queued = [...options.reportsAt].sort((a, b) => a - b);
  const processedAt: number[] = [];
  const waits: number[] = [];
  const run = runReportWorkerLoop({
    processNext: async (): Promise<ReportWorkerTurn> => {
      if (queued.length === 0 || queued[0]! > clock) return "none";
      queued.shift();
      processedAt.push(clock);
      clock += 100;
      return "processed";
    },
    shouldStop: () => options.stopAt !== undefined && clock >= options.stopAt,
    idle: async (ms) => {
      waits.push(ms);
      const woken = queued.find((at) => at > clock && at < clock + ms);
      clock = woken ?? clock + ms;
    },
    pollMs: options.pollMs ?? 2000,
    onDemand: options.onDemand,
    lingerMs: options.lingerMs,
    now: () => clock,
    onTurnError: () => {},
  });
  return run.then((outcome) => ({ outcome, processedAt, waits, endedAt: clock }));
}

describe("runReportWorkerLoop", () => {
  it("on demand without a linger window, ends as soon as no report waits", async () => {
    const result = await simulate({ onDemand: true, lingerMs: 0, reportsAt: [0, 0, 5_000] });
    expect(result.outcome).toBe("ended");
    expect(result.processedAt).toEqual([0, 100]);
    expect(result.endedAt).toBe(200);
  });

  it("stays for its linger window and takes a report queued within it, woken at once", async () => {
    const result = await simulate({ onDemand: true, lingerMs: 30_000, reportsAt: [0, 5_000, 20_000] });
    expect(result.outcome).toBe("ended");
    expect(result.processedAt).toEqual([0, 5_000, 20_000]);
    // The window counts again from the last report, and the set ends when it is over, not a poll later.
    expect(result.endedAt).toBe(20_100 + 30_000);
  });

  it("ends when the window passes with nothing, leaving a later report to a new set", async () => {
    const result = await simulate({ onDemand: true, lingerMs: 3_000, reportsAt: [0, 10_000] });
    expect(result.outcome).toBe("ended");
    expect(result.processedAt).toEqual([0]);
    expect(result.endedAt).toBe(3_100);
    expect(Math.max(...result.waits)).toBeLessThanOrEqual(2_000);
  });

  it("keeps running when not on demand, until the stop flag", async () => {
    const result = await simulate({ onDemand: false, lingerMs: 0, reportsAt: [0, 50_000], stopAt: 60_000 });
    expect(result.outcome).toBe("stopped");
    expect(result.processedAt).toEqual([0, 50_000]);
  });

  it("stops during its linger window when the stop flag is set", async () => {
    const result = await simulate({ onDemand: true, lingerMs: 30_000, reportsAt: [0], stopAt: 4_000 });
    expect(result.outcome).toBe("stopped");
  });

  it("does not end on a failed turn: it waits a poll and tries again", async () => {
    let calls = 0;
    const outcome = await runReportWorkerLoop({
      processNext: async () => {
        calls += 1;
        if (calls === 1) throw new Error("database hiccup");
        return calls === 2 ? "processed" : "none";
      },
      shouldStop: () => false,
      idle: async () => {},
      pollMs: 10,
      onDemand: true,
      lingerMs: 0,
      onTurnError: () => {},
    });
    expect(outcome).toBe("ended");
    expect(calls).toBe(3);
  });
});
