// The CSV lines of one report table. Every line has the report's full column
// list (`section,table,<union of every table's columns>`), but a table fills
// only its own few: the encoder looks up just the fields its rows have had and
// leaves the rest empty, where `Papa.unparse` visited every union column of
// every row (docs/benchmarks.md, CSV table encoder).
import { encodeCsvCell } from "@/lib/compliance/csv/encode-csv-cell";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

export type CsvTableEncoder = {
  /** One line, without its line break. Throws on a field that is not a CSV column. */
  encode(row: ReportRow): string;
};

/** The header line, with its CRLF. */
export function encodeCsvHeader(columns: readonly string[]): string {
  return `${["section", "table", ...columns].map(encodeCsvCell).join(",")}\r\n`;
}

export function createCsvTableEncoder(columns: readonly string[], section: string, table: string): CsvTableEncoder {
  const cellIndex = new Map(columns.map((column, index) => [column, index + 2]));
  // Fields seen so far in this table's rows and their cells; a later row with a
  // new field extends both (rows of one table almost always share their fields).
  const fields: string[] = [];
  const fieldCells: number[] = [];
  const seen = new Set<string>();
  const cells: string[] = new Array<string>(columns.length + 2).fill("");
  cells[0] = encodeCsvCell(section);
  cells[1] = encodeCsvCell(table);
  const admit = (field: string) => {
    const index = cellIndex.get(field);
    if (index === undefined) {
      throw new Error(`Row of "${section}.${table}" has a field "${field}" that is not a CSV column`);
    }
    seen.add(field);
    fields.push(field);
    fieldCells.push(index);
  };
  return {
    encode(row) {
      // for…in rather than Object.keys: no array per row (rows are plain objects).
      for (const field in row) if (!seen.has(field)) admit(field);
      for (let index = 0; index < fields.length; index++)
        cells[fieldCells[index]!] = encodeCsvCell(row[fields[index]!]);
      return cells.join(",");
    },
  };
}
