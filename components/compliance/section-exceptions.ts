// What a report section holds that an auditor looks at first: its exceptions
// (failed or refused attempts, violations, stale secrets, anomalies, a broken
// audit trail), read from the section's summary figures. The contents panel
// highlights the sections that have any.
import { integrityOfSection } from "@/components/compliance/integrity-of-section";
import type { ReportDocumentSection } from "@/components/compliance/report-document";

/** Summary figures that count exceptions, and how one reads (the count goes first). */
const exceptionFigures: Record<string, { one: string; many: string }> = {
  failedSignIns: { one: "failed sign-in", many: "failed sign-ins" },
  throttledSignIns: { one: "throttled sign-in", many: "throttled sign-ins" },
  denied: { one: "denied", many: "denied" },
  violations: { one: "DLP violation", many: "DLP violations" },
  secretsNotRotated90Days: { one: "secret not rotated in 90 days", many: "secrets not rotated in 90 days" },
  vaultRefused: { one: "refused vault access", many: "refused vault accesses" },
  failed: { one: "failed", many: "failed" },
  anomalous: { one: "anomalous query", many: "anomalous queries" },
};

export function sectionExceptions(section: ReportDocumentSection): string[] {
  const found: string[] = [];
  if (integrityOfSection(section)?.isBroken) found.push("audit trail does not verify");
  for (const [key, words] of Object.entries(exceptionFigures)) {
    const value = section.summary[key];
    if (typeof value === "number" && value > 0) {
      found.push(`${value.toLocaleString("en-US")} ${value === 1 ? words.one : words.many}`);
    }
  }
  return found;
}

/** Rows in all of a section's tables: the full populations' counts where known. */
export function sectionRowCount(section: ReportDocumentSection, rowCounts: Record<string, number>): number {
  return Object.entries(section.tables).reduce((sum, [name, rows]) => sum + (rowCounts[name] ?? rows.length), 0);
}
