// What the evidence package needs to know about a report before it writes the
// per-table files: the header, the population manifest, and each table's row
// count and columns. Collected while report.json streams into the package, so
// the JSON is read once for report.json and once for the tables.
import type { JsonValue, ManifestEntry } from "@/lib/compliance/reports/report-definition";
import type { ReportDocumentVisitor, SectionHead } from "@/lib/compliance/package/scan-report-document";

export type IndexedTable = {
  name: string;
  rowCount: number;
  /** The first row's fields in its order; empty for a table without rows. */
  columns: string[];
};

export type IndexedSection = { key: string; head: SectionHead; tables: IndexedTable[] };

export type ReportDocumentIndex = {
  header: Record<string, JsonValue>;
  manifest: ManifestEntry[];
  sections: IndexedSection[];
};

export function createReportDocumentIndexer(): { visitor: ReportDocumentVisitor; index: ReportDocumentIndex } {
  const index: ReportDocumentIndex = { header: {}, manifest: [], sections: [] };
  let table: IndexedTable | null = null;
  const visitor: ReportDocumentVisitor = {
    header(report) {
      index.header = report;
    },
    manifestEntry(entry) {
      index.manifest.push(entry);
    },
    sectionStart(key, head) {
      index.sections.push({ key, head, tables: [] });
    },
    tableStart(name) {
      table = { name, rowCount: 0, columns: [] };
      index.sections.at(-1)?.tables.push(table);
    },
    row(bytes, start, end) {
      if (!table) throw new Error("report.json: a row outside a table");
      // Rows of a table share their fields (each builder maps every row the
      // same way); the first row names them, and the CSV encoder refuses a
      // later row with another field rather than drop it.
      if (table.rowCount === 0) table.columns = Object.keys(JSON.parse(bytes.toString("utf8", start, end)) as object);
      table.rowCount += 1;
    },
    tableEnd() {
      table = null;
    },
    sectionEnd() {},
  };
  return { visitor, index };
}
