import { describe, expect, it } from "vitest";
import { buildAgentFilter } from "@/lib/compliance/reports/build-agent-filter";
import { buildTimeWindow } from "@/lib/compliance/reports/build-time-window";
import { parseUtcDay, resolveReportPeriod } from "@/lib/compliance/reports/resolve-report-period";

describe("resolveReportPeriod", () => {
  it("turns inclusive whole UTC days into a half-open instant range", () => {
    const period = resolveReportPeriod({ dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] });
    expect(period.start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(period.end.toISOString()).toBe("2026-02-01T00:00:00.000Z");
  });

  it("covers one whole day when from = to, across leap days and year ends", () => {
    expect(
      resolveReportPeriod({ dateRange: { from: "2028-02-29", to: "2028-02-29" }, agentIds: [] }).end.toISOString(),
    ).toBe("2028-03-01T00:00:00.000Z");
    expect(
      resolveReportPeriod({ dateRange: { from: "2026-12-31", to: "2026-12-31" }, agentIds: [] }).end.toISOString(),
    ).toBe("2027-01-01T00:00:00.000Z");
  });

  it("refuses a missing range, an inverted range and impossible or malformed dates", () => {
    expect(() => resolveReportPeriod({ agentIds: [] })).toThrow(/date range/);
    expect(() => resolveReportPeriod({ dateRange: { from: "2026-02-01", to: "2026-01-31" }, agentIds: [] })).toThrow(
      /after/,
    );
    expect(() => parseUtcDay("2026-02-30")).toThrow(/no such day/);
    expect(() => parseUtcDay("2027-02-29")).toThrow(/no such day/);
    expect(() => parseUtcDay("2026-1-5")).toThrow(/YYYY-MM-DD/);
    expect(() => parseUtcDay("2026-01-05T00:00:00Z")).toThrow(/YYYY-MM-DD/);
  });
});

describe("buildTimeWindow", () => {
  const period = resolveReportPeriod({ dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] });

  it("reads a past period whole", () => {
    const window = buildTimeWindow(period, new Date("2026-06-01T00:00:00.000Z"));
    expect(window.range).toEqual({ gte: period.start, lt: period.end });
    expect(window.describe("occurredAt")).toBe(
      "occurredAt >= 2026-01-01T00:00:00.000Z and occurredAt < 2026-02-01T00:00:00.000Z",
    );
  });

  it("stops at generation time for a period not yet over, and says so", () => {
    const asOf = new Date("2026-01-15T10:00:00.000Z");
    const window = buildTimeWindow(period, asOf);
    expect(window.range).toEqual({ gte: period.start, lt: asOf });
    expect(window.describe("occurredAt")).toContain("2026-01-15T10:00:00.000Z (generation time)");
  });

  it("without a period reads all time up to generation", () => {
    const asOf = new Date("2026-01-15T10:00:00.000Z");
    const window = buildTimeWindow(null, asOf);
    expect(window.range).toEqual({ lt: asOf });
    expect(window.describe("sentAt")).toBe("sentAt < 2026-01-15T10:00:00.000Z (generation time) (all time)");
  });
});

describe("buildAgentFilter", () => {
  it("without agents filters nothing", () => {
    const filter = buildAgentFilter([]);
    expect(filter.agentIds).toBeNull();
    expect(filter.required.sql.sql).toBe("1 = 1");
    expect(filter.nullable.sql.sql).toBe("1 = 1");
    expect(filter.required.text).toBeNull();
    expect(filter.nullable.text).toBeNull();
  });

  it("keeps the selected agents on agent-owned records, plus org-level records on nullable sources", () => {
    const filter = buildAgentFilter(["b", "a", "b"]);
    expect(filter.agentIds).toEqual(["a", "b"]);
    expect(filter.required.sql.sql).toBe(`"agentId" IN (?,?)`);
    expect(filter.required.sql.values).toEqual(["a", "b"]);
    expect(filter.nullable.sql.sql).toBe(`("agentId" IN (?,?) OR "agentId" IS NULL)`);
    expect(filter.nullable.sql.values).toEqual(["a", "b"]);
    expect(filter.required.text).toBe("agentId in (a, b)");
    expect(filter.nullable.text).toBe("(agentId in (a, b) or agentId is null)");
    expect(filter.note).toMatch(/other agents are excluded/);
  });
});
