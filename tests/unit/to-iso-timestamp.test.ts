// Population timestamps as report text: SQLite's stored form rewritten
// without a Date, anything else through one; always what Date#toISOString prints.
import { describe, expect, it } from "vitest";
import { toIsoTimestamp } from "@/lib/compliance/reports/sql-population";
import { sqlTimestamp } from "@/lib/db/sql-timestamp";

describe("toIsoTimestamp", () => {
  it("prints what toISOString prints for every time SQLite stores, across a day and a year", () => {
    const start = Date.UTC(2025, 11, 31, 23, 59, 59, 999);
    for (let step = 0; step < 2000; step++) {
      const time = new Date(start + step * 15_778_463_123);
      const stored = sqlTimestamp(time, "sqlite");
      expect(typeof stored).toBe("string");
      expect(toIsoTimestamp(stored)).toBe(time.toISOString());
    }
  });

  it("turns PostgreSQL's Date and text with another offset or no milliseconds into UTC", () => {
    expect(toIsoTimestamp(new Date("2026-03-04T05:06:07.089Z"))).toBe("2026-03-04T05:06:07.089Z");
    expect(toIsoTimestamp("2026-03-04T07:06:07.089+02:00")).toBe("2026-03-04T05:06:07.089Z");
    expect(toIsoTimestamp("2026-03-04T05:06:07+00:00")).toBe("2026-03-04T05:06:07.000Z");
    expect(toIsoTimestamp("2026-03-04 05:06:07.089Z")).toBe("2026-03-04T05:06:07.089Z");
  });

  it("refuses text that is no time rather than printing it", () => {
    expect(() => toIsoTimestamp("yesterday")).toThrow(RangeError);
  });
});
