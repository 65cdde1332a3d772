// The server's start hook checks the configuration before anything else: a bad
// variable ends the process, naming it, before migrations, seeding or workers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { afterEach, describe, expect, it, vi } from "vitest";

const started = vi.hoisted(() => ({ migrations: 0, seed: 0, workers: 0, ticker: 0, shutdownHandler: 0 }));
/** The heap limit a report thread got when the workers started (its own: 32 MB old, 48 MB young generation). */
const reportThreadHeap = vi.hoisted(() => ({ limitMb: null as Promise<number> | null }));
const reportThreadLimits = vi.hoisted(() => ({ maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 48 }));
vi.mock("@/lib/db/apply-migrations", () => ({ applyMigrations: async () => void started.migrations++ }));
vi.mock("@/lib/demo/seed-demo-if-empty", () => ({ seedDemoIfEmpty: async () => void started.seed++ }));
vi.mock("@/lib/compliance/threads/start-report-workers", () => ({
  startReportWorkers: () => {
    started.workers++;
    reportThreadHeap.limitMb = workerHeapLimitMb(reportThreadLimits);
    return { stop: async () => undefined };
  },
}));
vi.mock("@/lib/compliance/threads/start-compliance-ticker", () => ({
  startComplianceTicker: () => {
    started.ticker++;
    return { stop: async () => undefined };
  },
}));
vi.mock("@/lib/shutdown/install-shutdown-handler", () => ({
  installShutdownHandler: () => void started.shutdownHandler++,
}));

import { register } from "@/instrumentation";
import { clearInheritedHeapLimits } from "@/lib/process/clear-inherited-heap-limits";
import { workerHeapLimitMb } from "@/tests/support/worker-heap-limit";

const saved = { ...process.env };

/** A valid configuration on the embedded default, which generates its signing key into the data directory. */
function useValidConfiguration() {
  process.env.NEXT_RUNTIME = "nodejs";
  delete process.env.REPORT_WORKERS;
  process.env.ATTEST_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "attest-instrumentation-"));
  delete process.env.DATABASE_URL;
}
afterEach(() => {
  process.env = { ...saved };
  vi.restoreAllMocks();
  clearInheritedHeapLimits();
  reportThreadHeap.limitMb = null;
  Object.assign(started, { migrations: 0, seed: 0, workers: 0, ticker: 0, shutdownHandler: 0 });
});

describe("register", () => {
  it("stops with status 1 and names REPORT_WORKERS when it is not a number", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.REPORT_WORKERS = "abc";
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await register();
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed.mock.calls.join("\n")).toContain('REPORT_WORKERS must be an integer from 0 to 16 (got "abc")');
    expect(started).toEqual({ migrations: 0, seed: 0, workers: 0, ticker: 0, shutdownHandler: 0 });
  });

  it("stops with status 1 on PostgreSQL without a signing key, naming the variables to set", async () => {
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.DATABASE_URL = "postgres://nobody@127.0.0.1:1/attest";
    delete process.env.ATTEST_SIGNING_KEY;
    delete process.env.ATTEST_SIGNING_KEY_FILE;
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await register();
    expect(exit).toHaveBeenCalledWith(1);
    expect(printed.mock.calls.join("\n")).toContain("set ATTEST_SIGNING_KEY or ATTEST_SIGNING_KEY_FILE");
    expect(started).toEqual({ migrations: 0, seed: 0, workers: 0, ticker: 0, shutdownHandler: 0 });
  });

  it("migrates, seeds, starts the workers and the compliance ticker, and installs the shutdown handler when the configuration is valid", async () => {
    useValidConfiguration();
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    await register();
    expect(exit).not.toHaveBeenCalled();
    expect(started).toEqual({ migrations: 1, seed: 1, workers: 1, ticker: 1, shutdownHandler: 1 });
  });

  it("starts the report threads with their own heap limits, not the main thread's from npm start", async () => {
    useValidConfiguration();
    vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    // As `npm start` passes SERVER_HEAP_MB and SERVER_SEMI_SPACE_MB to node.
    v8.setFlagsFromString("--max-old-space-size=512");
    v8.setFlagsFromString("--max-semi-space-size=2");
    await register();
    expect(started.workers).toBe(1);
    // V8's limit is the old generation plus the young one: neither of the main thread's sizes.
    const limitMb = await reportThreadHeap.limitMb;
    expect(limitMb).toBeLessThan(128);
    expect(limitMb).toBeGreaterThanOrEqual(
      reportThreadLimits.maxOldGenerationSizeMb + reportThreadLimits.maxYoungGenerationSizeMb,
    );
  });
});
