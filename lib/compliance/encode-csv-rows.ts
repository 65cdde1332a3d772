// CSV encoding of report rows: RFC 4180 (CRLF, quoted when needed) via
// papaparse, every line `section,table,<columns…>` with the same field count.
import Papa from "papaparse";
import type { JsonValue, ReportRow } from "@/lib/compliance/report-definition";

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe.
 * papaparse's built-in pattern (/^[=+\-@\t\r].*$/) misses values with a line
 * break after the first character ("=HYPERLINK(…)\nx"), so we pass our own.
 */
export const formulaPattern = /^[=+\-@\t\r]/;

const unparseConfig = { header: false, newline: "\r\n", escapeFormulae: formulaPattern } as const;

export function csvHeaderLine(columns: readonly string[]): string {
  return Papa.unparse([["section", "table", ...columns]], unparseConfig) + "\r\n";
}

/** One batch of rows as CSV lines, each ending in CRLF. */
export function encodeCsvRows(
  section: string,
  table: string,
  columns: readonly string[],
  rows: readonly ReportRow[],
): string {
  if (rows.length === 0) return "";
  const lines = rows.map((row) => {
    const line: (string | number | boolean | null)[] = new Array(columns.length + 2);
    line[0] = section;
    line[1] = table;
    for (let index = 0; index < columns.length; index++) line[index + 2] = toCell(row[columns[index]!]);
    return line;
  });
  return Papa.unparse(lines, unparseConfig) + "\r\n";
}

/**
 * The same from the rows' JSON text (`{…},\n{…}`): what the JSON document
 * holds, so the CSV cannot say anything the JSON does not. JSON.parse is the
 * cheap half of the work and lets the encoding run in another thread.
 */
export function encodeCsvRowsJson(
  section: string,
  table: string,
  columns: readonly string[],
  rowsJson: string,
): string {
  if (rowsJson.length === 0) return "";
  return encodeCsvRows(section, table, columns, JSON.parse(`[${rowsJson}]`) as ReportRow[]);
}

/**
 * Nested values are written as JSON text; null and missing are empty cells.
 * Empty cells go to papaparse as null, which it writes without inspecting
 * (an empty string takes its full quoting checks; most cells of a union-column
 * table are empty).
 */
function toCell(value: JsonValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}
