import { describe, expect, it } from "vitest";
import { classifyReportError, ReportTimedOutError } from "@/lib/compliance/jobs/report-failure";
import { publicFailureOf } from "@/lib/compliance/requests/to-report-response";

describe("classifyReportError", () => {
  it("names a timeout, a driver error and anything else by a public code, never by the error's text", () => {
    expect(classifyReportError(new ReportTimedOutError(60))).toEqual({
      code: "generation_timed_out",
      message: "The report took longer than the maximum generation time",
    });
    const driver = Object.assign(new Error('relation "x" does not exist'), { code: "P2010" });
    expect(classifyReportError(driver)).toEqual({ code: "source_failed", message: "A data source could not be read" });
    expect(classifyReportError(new Error("boom"))).toEqual({
      code: "generation_failed",
      message: "The report could not be generated",
    });
    expect(classifyReportError("not an error")?.code).toBe("generation_failed");
  });
});

describe("publicFailureOf", () => {
  it("gives the code's fixed message, a generic one for a row failed without a known code, and nothing otherwise", () => {
    expect(publicFailureOf({ status: "failed", errorCode: "attempts_exhausted" })).toEqual({
      error: "Generation did not finish after every allowed attempt",
      errorCode: "attempts_exhausted",
    });
    expect(publicFailureOf({ status: "failed", errorCode: null })).toEqual({
      error: "The report could not be generated",
      errorCode: "generation_failed",
    });
    expect(publicFailureOf({ status: "failed", errorCode: "toString" }).errorCode).toBe("generation_failed");
    expect(publicFailureOf({ status: "completed", errorCode: null })).toEqual({ error: null, errorCode: null });
  });
});
