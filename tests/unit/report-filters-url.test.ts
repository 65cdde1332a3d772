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
    ).toEqual({ ...noReportFilters, type: "audit", status: "failed", q: "triage", sort: "period", order: "asc" });
    expect(
      readReportFilters({ type: "pdf", status: ["failed", "pending"], q: ["a", "b"], sort: "size", order: "asc" }, [
        "soc2",
      ]),
    ).toEqual(noReportFilters);
    expect(readReportFilters({ sort: "title", order: "sideways" }, []).order).toBe("");
    expect(readReportFilters({ q: "x".repeat(300) }, []).q).toHaveLength(200);
  });

  it("reads a period of real days, one end or both, and drops one that ends before it starts", () => {
    expect(readReportFilters({ periodFrom: "2026-07-01", periodTo: "2026-09-30" }, [])).toEqual({
      ...noReportFilters,
      periodFrom: "2026-07-01",
      periodTo: "2026-09-30",
    });
    expect(readReportFilters({ periodFrom: "2026-07-01" }, []).periodFrom).toBe("2026-07-01");
    expect(readReportFilters({ periodTo: "2026-09-30" }, []).periodTo).toBe("2026-09-30");
    expect(readReportFilters({ periodFrom: "2026-02-30", periodTo: "last-month" }, [])).toEqual(noReportFilters);
    expect(readReportFilters({ periodFrom: "2026-10-01", periodTo: "2026-09-30" }, [])).toEqual(noReportFilters);
  });

  it("writes set filters and removes cleared ones, keeping other parameters", () => {
    const url = new URL("http://x/dashboard/compliance?tab=reports&type=soc2&q=old");
    expect(writeReportFilters(url, { ...noReportFilters, status: "completed" }).search).toBe(
      "?tab=reports&status=completed",
    );
    expect(
      writeReportFilters(url, { ...noReportFilters, q: "Support Triage", sort: "title", order: "desc" }).search,
    ).toBe("?tab=reports&q=Support+Triage&sort=title&order=desc");
    expect(
      writeReportFilters(url, { ...noReportFilters, periodFrom: "2026-07-01", periodTo: "2026-09-30" }).search,
    ).toBe("?tab=reports&periodFrom=2026-07-01&periodTo=2026-09-30");
  });

  it("names the order a sort and direction stand for, the API's default when unset", () => {
    expect(findReportSortOption("", "").label).toBe("Newest first");
    expect(findReportSortOption("period", "").label).toBe("Period, latest first");
    expect(findReportSortOption("title", "").label).toBe("Title, A to Z");
    expect(findReportSortOption("createdAt", "asc").label).toBe("Oldest first");
  });
});
