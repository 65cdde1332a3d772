// The ingest writer thread is lowered like the report threads on PostgreSQL
// only: there the rows' cost is in the database's backends, while on SQLite the
// database works inside the writer thread and a lower priority cost throughput.
import { afterEach, describe, expect, it } from "vitest";
import { ingestWriterNice } from "@/lib/ingest/ingest-writer-nice";

const saved = process.env.REPORT_WORKER_NICE;
afterEach(() => {
  if (saved === undefined) delete process.env.REPORT_WORKER_NICE;
  else process.env.REPORT_WORKER_NICE = saved;
});

describe("ingestWriterNice", () => {
  it("is the report threads' nice value on PostgreSQL", () => {
    delete process.env.REPORT_WORKER_NICE;
    expect(ingestWriterNice("postgresql")).toBe(10);
    process.env.REPORT_WORKER_NICE = "15";
    expect(ingestWriterNice("postgresql")).toBe(15);
    process.env.REPORT_WORKER_NICE = "0";
    expect(ingestWriterNice("postgresql")).toBe(0);
  });

  it("leaves the writer at normal priority on SQLite, whatever REPORT_WORKER_NICE says", () => {
    delete process.env.REPORT_WORKER_NICE;
    expect(ingestWriterNice("sqlite")).toBe(0);
    process.env.REPORT_WORKER_NICE = "15";
    expect(ingestWriterNice("sqlite")).toBe(0);
  });
});
