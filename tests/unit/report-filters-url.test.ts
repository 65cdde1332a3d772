// The Reports tab's filters read from and written to the page URL.
import { describe, expect, it } from "vitest";
import { readReportFilters, writeReportFilters } from "@/components/compliance/report-filters-url";

describe("report filters in the URL", () => {
  it("reads known types and statuses and drops anything else", () => {
    expect(readReportFilters({ type: "audit", status: "failed" }, ["soc2", "audit"])).toEqual({
      type: "audit",
      status: "failed",
    });
    expect(readReportFilters({ type: "pdf", status: ["failed", "pending"] }, ["soc2"])).toEqual({
      type: "",
      status: "",
    });
  });

  it("writes set filters and removes cleared ones, keeping other parameters", () => {
    const url = new URL("http://x/dashboard/compliance?tab=reports&type=soc2");
    expect(writeReportFilters(url, { type: "", status: "completed" }).search).toBe("?tab=reports&status=completed");
  });
});
