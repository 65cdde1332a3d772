// The Reports tab's filters, search and order read from and written to the page URL.
import { describe, expect, it } from "vitest";
import { readReportFilters, writeReportFilters } from "@/components/compliance/report-filters-url";
import { noReportFilters } from "@/components/compliance/report-query-keys";
import { findReportSortOption } from "@/components/compliance/report-sort-options";

describe("report filters in the URL", () => {
  it("reads known types, statuses and orders, a trimmed search, and drops anything else", () => {
    expect(
      readReportFilters({ type: "audit", status: "failed", q: "  triage ", sort: "period", order: "asc" }, [
        "soc2",
        "audit",
      ]),
    ).toEqual({ type: "audit", status: "failed", q: "triage", sort: "period", order: "asc" });
    expect(
      readReportFilters({ type: "pdf", status: ["failed", "pending"], q: ["a", "b"], sort: "size", order: "asc" }, [
        "soc2",
      ]),
    ).toEqual(noReportFilters);
    expect(readReportFilters({ sort: "title", order: "sideways" }, []).order).toBe("");
    expect(readReportFilters({ q: "x".repeat(300) }, []).q).toHaveLength(200);
  });

  it("writes set filters and removes cleared ones, keeping other parameters", () => {
    const url = new URL("http://x/dashboard/compliance?tab=reports&type=soc2&q=old");
    expect(writeReportFilters(url, { ...noReportFilters, status: "completed" }).search).toBe(
      "?tab=reports&status=completed",
    );
    expect(
      writeReportFilters(url, { ...noReportFilters, q: "Support Triage", sort: "title", order: "desc" }).search,
    ).toBe("?tab=reports&q=Support+Triage&sort=title&order=desc");
  });

  it("names the order a sort and direction stand for, the API's default when unset", () => {
    expect(findReportSortOption("", "").label).toBe("Newest first");
    expect(findReportSortOption("period", "").label).toBe("Period, latest first");
    expect(findReportSortOption("title", "").label).toBe("Title, A to Z");
    expect(findReportSortOption("createdAt", "asc").label).toBe("Oldest first");
  });
});
