// Period arithmetic of report schedules: ISO weeks from Monday, calendar
// months and quarters, all UTC, across month, leap-year and year ends.
import { describe, expect, it } from "vitest";
import {
  closedPeriodsSince,
  periodAfter,
  periodContaining,
  periodStartingOn,
} from "@/lib/compliance/schedules/schedule-periods";

const at = (iso: string) => new Date(iso);

describe("schedule periods", () => {
  it("weekly periods are ISO weeks, Monday to Sunday, in UTC", () => {
    // Thursday 2026-12-03.
    expect(periodContaining("weekly", at("2026-12-03T18:00:00Z"))).toEqual({
      from: "2026-11-30",
      to: "2026-12-06",
      closesAt: at("2026-12-07T00:00:00Z"),
    });
    // A Sunday's last millisecond is still its week; Monday 00:00 starts the next.
    expect(periodContaining("weekly", at("2026-12-06T23:59:59.999Z")).from).toBe("2026-11-30");
    expect(periodContaining("weekly", at("2026-12-07T00:00:00Z")).from).toBe("2026-12-07");
  });

  it("a week across the year end belongs to neither year alone", () => {
    // 2026-12-31 is a Thursday: ISO week 53 of 2026 runs to Sunday 2027-01-03.
    expect(periodContaining("weekly", at("2027-01-02T12:00:00Z"))).toMatchObject({
      from: "2026-12-28",
      to: "2027-01-03",
    });
  });

  it("monthly periods are calendar months, leap February included", () => {
    expect(periodContaining("monthly", at("2028-02-15T00:00:00Z"))).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
      closesAt: at("2028-03-01T00:00:00Z"),
    });
    expect(periodContaining("monthly", at("2026-02-28T23:59:59Z")).to).toBe("2026-02-28");
    expect(periodAfter("monthly", periodStartingOn("monthly", "2026-12-01"))).toMatchObject({
      from: "2027-01-01",
      to: "2027-01-31",
    });
  });

  it("quarterly periods are calendar quarters", () => {
    expect(periodContaining("quarterly", at("2026-11-20T00:00:00Z"))).toEqual({
      from: "2026-10-01",
      to: "2026-12-31",
      closesAt: at("2027-01-01T00:00:00Z"),
    });
    expect(periodContaining("quarterly", at("2026-04-01T00:00:00Z")).from).toBe("2026-04-01");
    expect(periodContaining("quarterly", at("2026-03-31T23:59:59Z")).from).toBe("2026-01-01");
  });

  it("refuses a first day that does not start a period", () => {
    expect(() => periodStartingOn("weekly", "2026-12-01")).toThrow(/not the start/);
    expect(() => periodStartingOn("monthly", "2026-12-02")).toThrow(/not the start/);
    expect(() => periodStartingOn("quarterly", "2026-11-01")).toThrow(/not the start/);
  });

  it("lists the periods closed by now, and only those", () => {
    const closed = closedPeriodsSince("monthly", "2026-10-01", at("2026-12-01T00:00:00Z"));
    expect(closed.map((period) => period.from)).toEqual(["2026-10-01", "2026-11-01"]);
    expect(closedPeriodsSince("monthly", "2026-10-01", at("2026-10-31T23:59:59Z"))).toEqual([]);
  });

  it("keeps only the most recent periods when bounded", () => {
    const closed = closedPeriodsSince("weekly", "2026-01-05", at("2026-12-03T00:00:00Z"), 3);
    expect(closed.map((period) => period.from)).toEqual(["2026-11-09", "2026-11-16", "2026-11-23"]);
  });
});
