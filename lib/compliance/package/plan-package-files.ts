// Which files the evidence package holds for a report's tables: one CSV per
// table under sections/<section>/, split into numbered parts when a table has
// more data rows than a spreadsheet sheet holds under its header row.
import type { ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";

/** Excel and LibreOffice Calc stop at 1,048,576 rows a sheet: one is the header. */
export const spreadsheetDataRows = 1_048_575;

export type TableFile = {
  path: string;
  section: string;
  table: string;
  columns: string[];
  /** 1-based; `parts` is 1 for a table that fits one file. */
  part: number;
  parts: number;
  /** Data rows of the table in this file, and the 1-based number of the first. */
  rowCount: number;
  firstRow: number;
};

export type TablePlan = { section: string; table: string; columns: string[]; rowCount: number; files: TableFile[] };

/** Path segments are the builders' own identifiers; anything else is replaced so no entry can escape its folder. */
const safeSegment = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, "_") || "_";

/** `maxDataRows` when it is a positive integer (a table's parts are cut every that many rows). */
export function assertedMaxDataRows(maxDataRows: number): number {
  if (!Number.isInteger(maxDataRows) || maxDataRows < 1) throw new Error("maxDataRows must be a positive integer");
  return maxDataRows;
}

export function planPackageFiles(index: ReportDocumentIndex, maxDataRows = spreadsheetDataRows): TablePlan[] {
  assertedMaxDataRows(maxDataRows);
  const seen = new Set<string>();
  return index.sections.flatMap((section) =>
    section.tables.map((table) => {
      let stem = `sections/${safeSegment(section.key)}/${safeSegment(table.name)}`;
      while (seen.has(stem)) stem += "_";
      seen.add(stem);
      const parts = Math.max(1, Math.ceil(table.rowCount / maxDataRows));
      const files = Array.from({ length: parts }, (_, offset): TableFile => {
        const firstRow = offset * maxDataRows + 1;
        return {
          path: parts === 1 ? `${stem}.csv` : `${stem}.part-${offset + 1}.csv`,
          section: section.key,
          table: table.name,
          columns: table.columns,
          part: offset + 1,
          parts,
          rowCount: Math.min(maxDataRows, table.rowCount - offset * maxDataRows),
          firstRow,
        };
      });
      return { section: section.key, table: table.name, columns: table.columns, rowCount: table.rowCount, files };
    }),
  );
}
