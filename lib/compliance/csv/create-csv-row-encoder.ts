// The CSV lines of one table on its own (the evidence package's per-table
// files): only that table's columns, no `section`/`table` prefix, the same
// cell rules as the report's single CSV (encodeCsvCell).
import { encodeCsvCell } from "@/lib/compliance/csv/encode-csv-cell";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

export type CsvRowEncoder = {
  /** The header line, with its CRLF. */
  header: string;
  /** One line with its CRLF. Throws on a field that is not one of the columns. */
  encode(row: ReportRow): string;
};

/** `where` names the table in the error a stray field raises. */
export function createCsvRowEncoder(columns: readonly string[], where: string): CsvRowEncoder {
  const known = new Set(columns);
  const last = columns.length - 1;
  return {
    header: `${columns.map(encodeCsvCell).join(",")}\r\n`,
    encode(row) {
      // for…in rather than Object.keys: no array per row (rows are plain objects).
      for (const field in row) {
        if (!known.has(field)) throw new Error(`A row of ${where} has a field "${field}" its first row did not have`);
      }
      let line = "";
      for (let index = 0; index <= last; index++) {
        line += encodeCsvCell(row[columns[index]!]);
        line += index === last ? "\r\n" : ",";
      }
      return line;
    },
  };
}
