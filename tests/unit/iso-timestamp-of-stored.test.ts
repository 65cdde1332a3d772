// Verification hashes a stored event's timestamp from its text without a
// Date; the text it derives must be exactly what toISOString() gives for the
// same instant, for every form either database hands back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoTimestampOfStored } from "@/lib/audit/iso-timestamp-of-stored";

const instants = fc.date({
  min: new Date("1000-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

/** PostgreSQL's text of a timestamp(3): a space for the T, no zone, trailing zeros of the milliseconds dropped. */
function postgresText(date: Date): string {
  const [day, time] = date.toISOString().slice(0, -1).split("T") as [string, string];
  return `${day} ${time.replace(/\.?0+$/, "")}`;
}

describe("isoTimestampOfStored", () => {
  it("gives toISOString() of SQLite's stored text", () => {
    fc.assert(
      fc.property(instants, (date) => {
        expect(isoTimestampOfStored(date.toISOString().replace("Z", "+00:00"))).toBe(date.toISOString());
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it("gives toISOString() of PostgreSQL's text, whatever zeros it dropped", () => {
    fc.assert(
      fc.property(instants, (date) => {
        expect(isoTimestampOfStored(postgresText(date))).toBe(date.toISOString());
      }),
      { seed: 20261203, numRuns: 500 },
    );
    expect(isoTimestampOfStored("2026-06-06 00:01:50")).toBe("2026-06-06T00:01:50.000Z");
    expect(isoTimestampOfStored("2026-06-06 00:01:50.03")).toBe("2026-06-06T00:01:50.030Z");
  });

  it("reads any other zone through a Date", () => {
    expect(isoTimestampOfStored("2026-06-06T02:01:50.032+02:00")).toBe("2026-06-06T00:01:50.032Z");
    expect(isoTimestampOfStored("2026-06-06T00:01:50.032Z")).toBe("2026-06-06T00:01:50.032Z");
  });
});
