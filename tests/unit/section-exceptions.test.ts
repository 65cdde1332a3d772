// The report contents' highlights: a section's exceptions read from its summary
// figures, and its row count over all its tables.
import { describe, expect, it } from "vitest";
import type { ReportDocumentSection } from "@/components/compliance/report-document";
import { sectionExceptions, sectionRowCount } from "@/components/compliance/section-exceptions";

function section(summary: ReportDocumentSection["summary"], tables: ReportDocumentSection["tables"] = {}) {
  return { title: "S", description: "", criteria: [], summary, tables };
}

describe("sectionExceptions", () => {
  it("names each exception figure above zero, with its count", () => {
    expect(sectionExceptions(section({ signIns: 1200, failedSignIns: 237, usersCreated: 2 }))).toEqual([
      "237 failed sign-ins",
    ]);
    expect(sectionExceptions(section({ violations: 1, denied: 3, secretsNotRotated90Days: 1 }))).toEqual([
      "3 denied",
      "1 DLP violation",
      "1 secret not rotated in 90 days",
    ]);
    expect(sectionExceptions(section({ failedSignIns: 0, violations: "many", anomalous: 1234 }))).toEqual([
      "1,234 anomalous queries",
    ]);
  });

  it("puts a broken audit trail first, and a verified one is no exception", () => {
    expect(sectionExceptions(section({ integrity: "broken", finding: "seq 5 edited" }))).toEqual([
      "audit trail does not verify",
    ]);
    expect(sectionExceptions(section({ integrity: "verified", events: 10 }))).toEqual([]);
  });
});

describe("sectionRowCount", () => {
  it("adds the full populations' counts, or the rows held where none is known", () => {
    const withTables = section({}, { events: [{ a: 1 }, { a: 2 }], by_actor: [{ a: 1 }] });
    expect(sectionRowCount(withTables, { events: 5000 })).toBe(5001);
    expect(sectionRowCount(withTables, {})).toBe(3);
  });
});
