// One CSV cell of a report row, RFC 4180: quoted only when it holds a quote,
// comma, line break or BOM, or starts or ends with a space; quotes doubled.
// These are papaparse's own rules (`Papa.unparse` with our options), and a
// unit test holds the two to the same bytes; writing the cell here rather than
// through `Papa.unparse` lets a table skip the union columns it never fills
// (see createCsvTableEncoder).
import type { JsonValue } from "@/lib/compliance/reports/report-definition";

/**
 * Cells a spreadsheet would run as a formula get a leading apostrophe (and
 * quotes). papaparse's built-in pattern (/^[=+\-@\t\r].*$/) misses values with
 * a line break after the first character ("=HYPERLINK(…)\nx"); this does not.
 */
export const formulaPattern = /^[=+\-@\t\r]/;

const needsQuotes = /[\r\n",\ufeff]|^ | $/;
const quote = /"/g;

/**
 * Nested values are written as JSON text; null and missing values are empty
 * cells; numbers and booleans as they print (a negative number stays a number),
 * so a row encodes the same from its object as from its JSON text.
 */
export function encodeCsvCell(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return "";
  // A number JSON cannot hold (NaN, ±Infinity) is null in the JSON artifact: empty here too.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return String(value);
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (formulaPattern.test(text)) return `"'${text.replace(quote, '""')}"`;
  return needsQuotes.test(text) ? `"${text.replace(quote, '""')}"` : text;
}
