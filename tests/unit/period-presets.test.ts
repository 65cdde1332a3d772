// The quick periods of the Generate form and the Reports list's filter, as whole UTC days.
import { describe, expect, it } from "vitest";
import { findPeriodPreset, periodPresets } from "@/components/compliance/period-presets";

const byId = (now: string) => Object.fromEntries(periodPresets(new Date(now)).map((p) => [p.id, [p.from, p.to]]));

describe("period presets", () => {
  it("gives the last 30 days, the last calendar month and quarter", () => {
    expect(byId("2026-12-03T10:00:00Z")).toEqual({
      "last-30-days": ["2026-11-04", "2026-12-03"],
      "last-month": ["2026-11-01", "2026-11-30"],
      "last-quarter": ["2026-07-01", "2026-09-30"],
    });
  });

  it("crosses the year in January and knows February's length", () => {
    expect(byId("2027-01-15T00:00:00Z")).toMatchObject({
      "last-month": ["2026-12-01", "2026-12-31"],
      "last-quarter": ["2026-10-01", "2026-12-31"],
    });
    expect(byId("2028-03-01T00:00:00Z")["last-month"]).toEqual(["2028-02-01", "2028-02-29"]);
  });

  it("uses the UTC day, not the local one", () => {
    // 23:30 UTC on 31 March is already April in Berlin; the presets stay in March.
    expect(byId("2026-03-31T23:30:00Z")["last-month"]).toEqual(["2026-02-01", "2026-02-28"]);
  });

  it("names the quick period that spans exactly the given days", () => {
    const now = new Date("2026-12-03T10:00:00Z");
    expect(findPeriodPreset("2026-07-01", "2026-09-30", now)?.id).toBe("last-quarter");
    expect(findPeriodPreset("2026-11-01", "2026-11-30", now)?.id).toBe("last-month");
    expect(findPeriodPreset("2026-11-01", "2026-11-29", now)).toBeUndefined();
  });
});
