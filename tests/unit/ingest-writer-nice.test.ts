// The ingest writer thread is lowered like the report threads on PostgreSQL
// only: there the rows' cost is in the database's backends, while on SQLite the
// database works inside the writer thread and a lower priority cost throughput.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ingestWriterNice } from "@/lib/ingest/ingest-writer-nice";

afterEach(() => vi.unstubAllEnvs());

describe("ingestWriterNice", () => {
  it("is the report threads' nice value on PostgreSQL", () => {
    vi.stubEnv("REPORT_WORKER_NICE", undefined);
    expect(ingestWriterNice("postgresql")).toBe(10);
    vi.stubEnv("REPORT_WORKER_NICE", "15");
    expect(ingestWriterNice("postgresql")).toBe(15);
    vi.stubEnv("REPORT_WORKER_NICE", "0");
    expect(ingestWriterNice("postgresql")).toBe(0);
  });

  it("leaves the writer at normal priority on SQLite, whatever REPORT_WORKER_NICE says", () => {
    vi.stubEnv("REPORT_WORKER_NICE", undefined);
    expect(ingestWriterNice("sqlite")).toBe(0);
    vi.stubEnv("REPORT_WORKER_NICE", "15");
    expect(ingestWriterNice("sqlite")).toBe(0);
  });
});
