// How long an on-demand set of report threads stays warm after its last report.
import { afterEach, describe, expect, it, vi } from "vitest";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import { reportThreadLingerMs } from "@/lib/compliance/threads/report-thread-linger-ms";

afterEach(() => vi.unstubAllEnvs());

describe("reportThreadLingerMs", () => {
  it("keeps PostgreSQL's set 30 s and ends SQLite's at once when nothing is set", () => {
    vi.stubEnv("REPORT_WORKER_LINGER_SECONDS", "");
    expect(reportThreadLingerMs(getReportEngineProfile("postgresql"))).toBe(30_000);
    expect(reportThreadLingerMs(getReportEngineProfile("sqlite"))).toBe(0);
  });

  it("follows REPORT_WORKER_LINGER_SECONDS on either database, 0 included", () => {
    vi.stubEnv("REPORT_WORKER_LINGER_SECONDS", "0");
    expect(reportThreadLingerMs(getReportEngineProfile("postgresql"))).toBe(0);
    vi.stubEnv("REPORT_WORKER_LINGER_SECONDS", "45");
    expect(reportThreadLingerMs(getReportEngineProfile("sqlite"))).toBe(45_000);
  });
});
