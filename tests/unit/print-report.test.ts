// What a printed report says about itself: the note under each table and the
// page-margin values (report id, digests) handed to CSS.
import { describe, expect, it } from "vitest";
import { printedRowsNote, printRowLimit } from "@/components/compliance/paginated-rows-table";
import { isPrintedAsRecords } from "@/components/compliance/printed-records";
import type { ReportResource } from "@/components/compliance/report-resource";
import { printPageMargins, toCssString } from "@/components/compliance/use-print-page-margins";

describe("printedRowsNote", () => {
  it("states the printed part of a longer population and where the rest is", () => {
    expect(printedRowsNote(printRowLimit, 1234)).toBe("First 100 of 1,234 rows printed — full population in the CSV.");
  });

  it("says when every row is printed, in the right number", () => {
    expect(printedRowsNote(1, 1)).toBe("All 1 row printed.");
    expect(printedRowsNote(37, 37)).toBe("All 37 rows printed.");
  });
});

describe("isPrintedAsRecords", () => {
  it("prints tables wider than eight columns as records", () => {
    expect(isPrintedAsRecords(["a", "b", "c", "d", "e", "f", "g", "h"])).toBe(false);
    expect(isPrintedAsRecords(["a", "b", "c", "d", "e", "f", "g", "h", "i"])).toBe(true);
  });
});

describe("printPageMargins", () => {
  it("quotes values as CSS strings, escaping quotes and backslashes", () => {
    expect(toCssString('A "quoted" \\ title\nnext')).toBe('"A \\"quoted\\" \\\\ title next"');
  });

  it("names the report and both files' SHA-256", () => {
    const report = {
      id: "rep_1",
      title: "SOC2 Summary",
      completedAt: "2026-09-01T00:04:00.000Z",
      artifacts: { json: { byteSize: 1, sha256: "a".repeat(64) }, csv: { byteSize: 1, sha256: "b".repeat(64) } },
    } as unknown as ReportResource;
    expect(printPageMargins(report)).toEqual({
      "--report-print-header": '"Attest report rep_1 · SOC2 Summary"',
      "--report-print-generated": '"Generated 2026-09-01 00:04 UTC"',
      "--report-print-digest": `"JSON SHA-256 ${"a".repeat(64)} · CSV SHA-256 ${"b".repeat(64)}"`,
    });
  });
});
