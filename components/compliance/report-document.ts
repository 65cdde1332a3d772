// The stored JSON document of a completed report, as the viewer reads it
// (written by lib/compliance/report-document-writer.ts).
import type {
  JsonValue,
  ManifestEntry,
  ReportRow,
  ReportScope,
  SectionHeader,
} from "@/lib/compliance/reports/report-definition";

export type { JsonValue, ManifestEntry, ReportRow };

export type ReportDocumentSection = SectionHeader & { tables: Record<string, ReportRow[]> };

export type ReportDocumentHeader = {
  id?: string;
  type?: string;
  title?: string;
  org?: JsonValue;
  scope?: ReportScope;
  generatedAt?: string;
  generatedBy?: JsonValue;
  timezone?: string;
  schemaVersion?: JsonValue;
  [key: string]: JsonValue | ReportScope | undefined;
};

export type ReportDocument = {
  report: ReportDocumentHeader;
  manifest: ManifestEntry[];
  sections: Record<string, ReportDocumentSection>;
};

/** Per section, per table, per UTC day ("2026-01-31"): rows whose `occurred_at` falls on that day. */
export type DailyRowCounts = Record<string, Record<string, Record<string, number>>>;

/** Every population row carries its time as `occurred_at` (lib/compliance/reports). */
export const rowTimeKey = "occurred_at";

/**
 * What the viewer shows: the document (tables possibly cut to their first rows
 * when the file is too large to hold), every table's full row count, and rows per day.
 */
export type LoadedReportDocument = {
  document: ReportDocument;
  rowCounts: Record<string, Record<string, number>>;
  dailyCounts: DailyRowCounts;
  /** True when tables hold only their first rows (a large file read as a stream). */
  isPreview: boolean;
  previewRowsPerTable: number | null;
};

export function countTableRows(document: ReportDocument): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (const [key, section] of Object.entries(document.sections)) {
    counts[key] = Object.fromEntries(Object.entries(section.tables).map(([name, rows]) => [name, rows.length]));
  }
  return counts;
}

export function countRowsByDay(document: ReportDocument): DailyRowCounts {
  const counts: DailyRowCounts = {};
  for (const [key, section] of Object.entries(document.sections)) {
    for (const [name, rows] of Object.entries(section.tables)) {
      for (const row of rows) {
        const at = row[rowTimeKey];
        if (typeof at !== "string" || at.length < 10) continue;
        const days = ((counts[key] ??= {})[name] ??= {});
        const day = at.slice(0, 10);
        days[day] = (days[day] ?? 0) + 1;
      }
    }
  }
  return counts;
}
