// How report keys and values read in the viewer.
import { describe, expect, it } from "vitest";
import { formatCellValue, humanizeKey } from "@/components/compliance/format-cell-value";

describe("humanizeKey", () => {
  it.each([
    ["occurredAt", "Occurred at"],
    ["rule_name", "Rule name"],
    ["secretsNotRotated90Days", "Secrets not rotated 90 days"],
    ["not_rotated_90_days", "Not rotated 90 days"],
    ["sha256", "Sha256"],
  ])("%s → %s", (key, label) => {
    expect(humanizeKey(key)).toBe(label);
  });
});

describe("formatCellValue", () => {
  it("shows timestamps in UTC, labelled", () => {
    expect(formatCellValue("2026-09-01T00:04:00.000Z")).toBe("2026-09-01 00:04 UTC");
  });
});
