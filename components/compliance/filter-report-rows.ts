// Per-table search and filters of the report viewer, over the rows the browser
// holds: words matched anywhere in a row (as its cells read, any order, ignoring
// case), and exact values of the columns people filter populations by.
import { formatCellValue } from "@/components/compliance/format-cell-value";
import type { ReportRow } from "@/components/compliance/report-document";

/** The columns a table offers a value filter for, when it has them (audit events, sign-ins, vault, queries). */
export const filterableColumns = ["actor", "action", "outcome"] as const;

/** A filter with more choices than this is not a list anyone reads; the search box serves instead. */
export const maxFilterChoices = 100;

export type RowFilters = { query: string; values: Record<string, string> };

export const noRowFilters: RowFilters = { query: "", values: {} };

export function isFilteringRows(filters: RowFilters): boolean {
  return filters.query.trim() !== "" || Object.values(filters.values).some(Boolean);
}

/** The indexes (in `rows`) of the rows that pass the filters, in order. */
export function filterReportRows(
  rows: readonly ReportRow[],
  columns: readonly string[],
  filters: RowFilters,
): number[] {
  const words = filters.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const values = Object.entries(filters.values).filter(([, value]) => value !== "");
  const kept: number[] = [];
  rows.forEach((row, index) => {
    if (values.some(([column, value]) => formatCellValue(row[column]) !== value)) return;
    if (words.length > 0) {
      const text = columns.map((column) => formatCellValue(row[column]).toLowerCase()).join("\n");
      if (!words.every((word) => text.includes(word))) return;
    }
    kept.push(index);
  });
  return kept;
}

/** A column's distinct values as its cells read, sorted; null when there are too many (or too few) to choose from. */
export function filterChoices(rows: readonly ReportRow[], column: string): string[] | null {
  const seen = new Set<string>();
  for (const row of rows) {
    seen.add(formatCellValue(row[column]));
    if (seen.size > maxFilterChoices) return null;
  }
  return seen.size > 1 ? [...seen].sort((a, b) => a.localeCompare(b, "en")) : null;
}
