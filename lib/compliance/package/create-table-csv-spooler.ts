// Every table's CSV file(s), rendered into a spool file while report.json is
// read for the package: one part per spreadsheet sheet's worth of data rows
// (planPackageFiles names the same parts once the table's size is known), each
// with its BOM and header, hashed as it is written. The package copies the
// parts out by range when their turn in the ZIP comes.
import { createHash, type Hash } from "node:crypto";
import { createCsvRowTranscoder, type CsvRowTranscoder } from "@/lib/compliance/csv/create-csv-row-transcoder";
import { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import type { SpoolFile } from "@/lib/compliance/package/open-spool-file";
import type { ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";

export type SpooledCsvPart = {
  section: string;
  table: string;
  /** Where the part's bytes are in the spool file. */
  start: number;
  length: number;
  /** Data rows, the header not counted. */
  rowCount: number;
  sha256: string;
};

export type TableCsvSpooler = { visitor: ReportDocumentVisitor; parts: SpooledCsvPart[] };

const bom = "\ufeff";
/** Rendered CSV bytes appended to the spool at a time. */
const csvPieceBytes = 64 * 1024;

export function createTableCsvSpooler(
  spool: SpoolFile,
  maxDataRows: number,
  /** The current table's columns, named by its first row (the package's index reads them). */
  columnsOfTable: () => string[],
): TableCsvSpooler {
  const parts: SpooledCsvPart[] = [];
  const pending = new GrowableBytes(csvPieceBytes + csvPieceBytes / 2);
  let section = "";
  let table = "";
  let transcoder: CsvRowTranscoder | undefined;
  let headerLine = "";
  let part: { start: number; rowCount: number; hash: Hash } | null = null;

  const flush = () => {
    if (pending.length === 0) return;
    const bytes = pending.bytes.subarray(0, pending.length);
    part!.hash.update(bytes);
    spool.append(bytes);
    pending.clear();
  };
  const startPart = () => {
    part = { start: spool.size, rowCount: 0, hash: createHash("sha256") };
    pending.writeUtf8(bom + headerLine);
  };
  const endPart = () => {
    flush();
    const { start, rowCount, hash } = part!;
    parts.push({ section, table, start, length: spool.size - start, rowCount, sha256: hash.digest("hex") });
    part = null;
  };

  const visitor: ReportDocumentVisitor = {
    header() {},
    manifestEntry() {},
    sectionStart(key) {
      section = key;
    },
    tableStart(name) {
      table = name;
      transcoder = undefined;
      // A table without rows has no columns: its file is the BOM alone.
      headerLine = "";
    },
    row(bytes, start, end) {
      if (!transcoder) {
        const columns = columnsOfTable();
        transcoder = createCsvRowTranscoder(columns, `${section}.${table}`);
        headerLine = columns.length > 0 ? transcoder.header : "";
      }
      if (part?.rowCount === maxDataRows) endPart();
      if (!part) startPart();
      transcoder.write(bytes, start, end, pending);
      part!.rowCount += 1;
      if (pending.length >= csvPieceBytes) flush();
    },
    tableEnd() {
      if (!part) startPart();
      endPart();
    },
    sectionEnd() {},
  };
  return { visitor, parts };
}
