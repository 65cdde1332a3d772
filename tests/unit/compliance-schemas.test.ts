// Request shapes of the compliance API and the auto titles.
import { describe, expect, it } from "vitest";
import { gdprReportBodySchema } from "@/lib/compliance/reports/gdpr/gdpr-report-type";
import { periodReportBodySchema } from "@/lib/compliance/reports/period-report-body";
import { reportTypeDefinition } from "@/lib/compliance/reports/registry";
import { dateRangeSchema } from "@/lib/compliance/reports/report-body-fields";
import { downloadQuerySchema, listReportsQuerySchema, parseReportType } from "@/lib/compliance/requests/schemas";

describe("dateRangeSchema", () => {
  it.each([
    [{ from: "2026-01-01", to: "2026-01-01" }, true],
    [{ from: "2024-02-29", to: "2024-03-01" }, true],
    [{ from: "2021-01-01", to: "2025-12-31" }, true],
    [{ from: "2021-01-01", to: "2026-01-01" }, false],
    [{ from: "2026-02-01", to: "2026-01-31" }, false],
    [{ from: "2025-02-29", to: "2025-03-01" }, false],
    [{ from: "2026-02-30", to: "2026-03-01" }, false],
    [{ from: "2026-13-01", to: "2026-12-01" }, false],
    [{ from: "2026-1-1", to: "2026-01-31" }, false],
    [{ from: "2026-01-01T00:00:00Z", to: "2026-01-31" }, false],
    [{ from: "2026-01-01" }, false],
  ])("%j valid: %s", (range, valid) => {
    expect(dateRangeSchema.safeParse(range).success).toBe(valid);
  });

  it("refuses a `to` after today (UTC) on the `to` field, and accepts today", () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const future = dateRangeSchema.safeParse({ from: day(-2), to: day(1) });
    expect(future.success).toBe(false);
    expect(future.error?.issues.map((issue) => issue.path.join("."))).toEqual(["to"]);
    expect(future.error?.issues[0]?.message).toContain("after today");
    expect(dateRangeSchema.safeParse({ from: day(-2), to: day(0) }).success).toBe(true);
  });
});

describe("report bodies", () => {
  it("accept the seed bodies", () => {
    expect(
      periodReportBodySchema.parse({
        orgId: "org-123",
        dateRange: { from: "2026-01-01", to: "2026-01-31" },
        agentIds: ["a", "b"],
      }),
    ).toEqual({
      orgId: "org-123",
      dateRange: { from: "2026-01-01", to: "2026-01-31" },
      agentIds: ["a", "b"],
    });
    expect(gdprReportBodySchema.parse({ orgId: "org-123", agentId: "agent-1" })).toEqual({
      orgId: "org-123",
      agentId: "agent-1",
    });
  });

  it("refuse unknown keys, missing GDPR agents and oversized agent lists", () => {
    expect(
      periodReportBodySchema.safeParse({ dateRange: { from: "2026-01-01", to: "2026-01-31" }, extra: 1 }).success,
    ).toBe(false);
    expect(gdprReportBodySchema.safeParse({}).error?.issues[0]?.message).toBe("A GDPR export needs `agentId`");
    expect(gdprReportBodySchema.safeParse({ agentId: "  " }).success).toBe(false);
    const ids = (n: number) => Array.from({ length: n }, (_, index) => `a${index}`);
    const range = { from: "2026-01-01", to: "2026-01-31" };
    expect(periodReportBodySchema.safeParse({ dateRange: range, agentIds: ids(100) }).success).toBe(true);
    expect(periodReportBodySchema.safeParse({ dateRange: range, agentIds: ids(101) }).success).toBe(false);
  });
});

describe("queries", () => {
  it("default and bound the list limit", () => {
    expect(listReportsQuerySchema.parse({}).limit).toBe(25);
    expect(listReportsQuerySchema.parse({ limit: "100" }).limit).toBe(100);
    expect(listReportsQuerySchema.safeParse({ limit: "0" }).success).toBe(false);
    expect(listReportsQuerySchema.safeParse({ limit: "2.5" }).success).toBe(false);
  });

  it("read the download format and BOM flag", () => {
    expect(downloadQuerySchema.parse({})).toEqual({ format: "json", bom: false });
    expect(downloadQuerySchema.parse({ format: "csv", bom: "1" })).toEqual({ format: "csv", bom: true });
    expect(downloadQuerySchema.safeParse({ format: "pdf" }).success).toBe(false);
  });

  it("name the allowed report types for an unknown one", () => {
    expect(parseReportType("gdpr")).toBe("gdpr");
    expect(() => parseReportType("pdf")).toThrow('Unknown report type "pdf". Allowed types: soc2, gdpr, audit');
  });
});

describe("report titles", () => {
  const dateRange = { from: "2026-01-01", to: "2026-01-31" };
  it.each([
    ["soc2", { dateRange, agentIds: [] }, [], "SOC2 Summary — 2026-01-01 to 2026-01-31 — all agents"],
    ["gdpr", { agentIds: ["a"] }, ["Support Triage"], "GDPR Export — Support Triage"],
    ["audit", { dateRange, agentIds: ["a", "b"] }, ["A", "B"], "Audit Summary — 2026-01-01 to 2026-01-31 — A, B"],
    [
      "soc2",
      { dateRange, agentIds: ["a", "b", "c", "d"] },
      ["A", "B", "C", "D"],
      "SOC2 Summary — 2026-01-01 to 2026-01-31 — A, B + 2 more agents",
    ],
  ] as const)("%s %j → %s", (type, scope, names, title) => {
    expect(reportTypeDefinition(type).title({ ...scope, agentIds: [...scope.agentIds] }, [...names])).toBe(title);
  });
});
