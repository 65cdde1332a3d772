// The stored JSON document of a completed report, as the viewer reads it
// (written by lib/compliance/report-document-writer.ts).
import type {
  JsonValue,
  ManifestEntry,
  ReportRow,
  ReportScope,
  SectionHeader,
} from "@/lib/compliance/report-definition";

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

/**
 * What the viewer shows: the document (tables possibly cut to their first rows
 * when the file is too large to hold) and every table's full row count.
 */
export type LoadedReportDocument = {
  document: ReportDocument;
  rowCounts: Record<string, Record<string, number>>;
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
