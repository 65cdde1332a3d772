// The stored JSON document of a completed report, as the viewer reads it
// (written by lib/compliance/report-document-writer.ts).
import type { DailyRowCounts } from "@/lib/compliance/preview/report-preview";
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

export type { DailyRowCounts };

/**
 * What the viewer shows: the document (tables possibly cut to their first rows
 * when the file is too large to hold), every table's full row count, and rows per day.
 */
export type LoadedReportDocument = {
  document: ReportDocument;
  rowCounts: Record<string, Record<string, number>>;
  dailyCounts: DailyRowCounts;
  /** True when some table holds only its first rows. */
  isPreview: boolean;
  previewRowsPerTable: number;
};
