// What the report viewer shows, in one small JSON stored when a report
// completes: the document's header, manifest and section summaries, each
// table's first rows, and every table's full row count and rows per day. The
// viewer reads this instead of the artifact, so opening a report never holds
// a database connection for the length of a large file.
import type { JsonValue, ManifestEntry, ReportRow, SectionHeader } from "@/lib/compliance/reports/report-definition";

/** Rows each table keeps in the preview (the printed report shows as many). */
export const previewRowsPerTable = 100;

/**
 * The aggregate tables the viewer's charts are drawn from (one row per
 * category, rule or account, not per record): kept whole in the preview, so a
 * chart and its caption count every row.
 */
export const chartedTables = {
  signInsByUser: { section: "user_access", table: "sign_ins_by_user" },
  dlpBySeverity: { section: "dlp", table: "violations_by_severity" },
  dlpByRule: { section: "dlp", table: "violations_by_rule" },
  personalDataByCategory: { section: "personal_data", table: "by_category" },
  auditByCategory: { section: "overview", table: "counts_by_category" },
} as const;

export type ChartedTable = (typeof chartedTables)[keyof typeof chartedTables];

/** Whether the preview keeps every row of this table. */
export function isKeptWhole(section: string, table: string): boolean {
  return Object.values(chartedTables).some((charted) => charted.section === section && charted.table === table);
}

/** Every population row carries its time as `occurred_at` (lib/compliance/reports). */
export const rowTimeKey = "occurred_at";

export type ReportPreviewSection = SectionHeader & { tables: Record<string, ReportRow[]> };

export type ReportPreviewDocument = {
  report: { [key: string]: JsonValue };
  manifest: ManifestEntry[];
  sections: Record<string, ReportPreviewSection>;
};

/** Per section, per table, per UTC day ("2026-01-31"): rows whose `occurred_at` falls on that day. */
export type DailyRowCounts = Record<string, Record<string, Record<string, number>>>;

export type ReportPreview = {
  /** The document with each table cut to its first `rowsPerTable` rows (charted tables whole). */
  document: ReportPreviewDocument;
  /** Every table's full row count, by section. */
  rowCounts: Record<string, Record<string, number>>;
  dailyCounts: DailyRowCounts;
  rowsPerTable: number;
};
