// The evidence package's files in their fixed order, rendered from the stored
// JSON artifact in one streaming read: report.json as stored (indexing its
// tables on the way), then README.txt and manifest.csv, then every table's
// CSV(s), then the statement. The tables are rendered from the same read as
// report.json passes, into a spool file, and copied out once report.json and
// the files that need its index are written. The sink decides where the bytes
// go: the ZIP of a download, or only hashes when the verifier re-derives a
// package. Returns the SHA256SUMS text over these files. Synchronous work
// between awaits is one stored chunk's worth: this runs in a thread of its own
// for a download (render-package-worker.ts), and alone in the verifier's process.
import { createHash } from "node:crypto";
import { createReportDocumentIndexer, type ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";
import { createTableCsvSpooler } from "@/lib/compliance/package/create-table-csv-spooler";
import { openSpoolFile } from "@/lib/compliance/package/open-spool-file";
import { createReportDocumentScanner, type ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";
import {
  assertedMaxDataRows,
  planPackageFiles,
  spreadsheetDataRows,
  type TablePlan,
} from "@/lib/compliance/package/plan-package-files";
import { renderManifestCsv } from "@/lib/compliance/package/render-manifest-csv";
import { renderPackageReadme } from "@/lib/compliance/package/render-package-readme";
import { manifestFile, readmeFile, reportJsonFile, statementFile } from "@/lib/compliance/package/package-layout";

export interface PackageFileWriter {
  /**
   * Resolves when the sink can take more (backpressure). `isHandedOver`: the
   * bytes are the only view of their memory and the writer never touches them
   * again, so the sink may keep them (or move them to another thread) rather
   * than copy them.
   */
  write(bytes: Buffer, isHandedOver?: boolean): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface PackageSink {
  open(path: string): PackageFileWriter;
}

export type PackageFilesInput = {
  /** The stored JSON artifact's bytes, read once. */
  readJson: () => AsyncIterable<Uint8Array>;
  /** Each chunk readJson yields is the only view of its memory and is not used again by its reader. */
  isJsonHandedOver?: boolean;
  /**
   * The JSON artifact's SHA-256 as stored (and signed in the statement), for
   * its line in SHA256SUMS without hashing it again; the verifier, which must
   * not trust it, leaves it out.
   */
  jsonSha256?: string;
  statementJws: string;
  /** Data rows per CSV file before a table continues in a new part. */
  maxDataRows?: number;
};

export type PackageFiles = {
  index: ReportDocumentIndex;
  plans: TablePlan[];
  /** `<sha256>  <path>` lines, in package order. */
  sums: string;
};

const bom = "\ufeff";
/**
 * Spooled CSV bytes handed to the sink at a time: each piece is memory of its
 * own, and below the server's malloc mmap threshold (scripts/start.mjs) it
 * comes from the heap; a larger one would be a fresh zeroed mapping each time.
 */
const spoolPieceBytes = 64 * 1024;

export async function writePackageFiles(input: PackageFilesInput, sink: PackageSink): Promise<PackageFiles> {
  const maxDataRows = assertedMaxDataRows(input.maxDataRows ?? spreadsheetDataRows);
  let sums = "";
  const open = (path: string, knownSha256?: string) => {
    const writer = sink.open(path);
    const hash = knownSha256 ? null : createHash("sha256");
    return {
      write(bytes: Buffer, isHandedOver?: boolean) {
        hash?.update(bytes);
        return writer.write(bytes, isHandedOver);
      },
      async close() {
        await writer.close();
        sums += `${hash?.digest("hex") ?? knownSha256}  ${path}\n`;
      },
    };
  };
  const writeWhole = async (path: string, text: string) => {
    const file = open(path);
    await file.write(Buffer.from(text, "utf8"));
    await file.close();
  };

  const spool = openSpoolFile();
  try {
    // report.json as stored, indexed and its tables rendered into the spool as it passes.
    const indexer = createReportDocumentIndexer();
    const spooler = createTableCsvSpooler(spool, maxDataRows, () => currentTableColumns(indexer.index));
    const scanner = createReportDocumentScanner(bothVisitors(indexer.visitor, spooler.visitor));
    const json = open(reportJsonFile, input.jsonSha256);
    for await (const chunk of input.readJson()) {
      scanner.push(chunk);
      await json.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), input.isJsonHandedOver);
    }
    scanner.end();
    await json.close();
    const { index } = indexer;
    const plans = planPackageFiles(index, maxDataRows);

    await writeWhole(readmeFile, renderPackageReadme(index, plans));
    await writeWhole(manifestFile, bom + renderManifestCsv(index, plans));

    const files = plans.flatMap((plan) => plan.files);
    const { parts } = spooler;
    if (files.length !== parts.length) throw new Error("the package's tables and their plan disagree");
    for (const [at, file] of files.entries()) {
      const part = parts[at]!;
      if (part.section !== file.section || part.table !== file.table || part.rowCount !== file.rowCount) {
        throw new Error(`the package's tables and their plan disagree (${file.path})`);
      }
      const out = open(file.path, part.sha256);
      for (const piece of spool.read(part.start, part.length, spoolPieceBytes)) await out.write(piece, true);
      await out.close();
    }

    await writeWhole(statementFile, input.statementJws);
    return { index, plans, sums };
  } finally {
    spool.close();
  }
}

/** The columns of the table the index is reading (its first row names them). */
function currentTableColumns(index: ReportDocumentIndex): string[] {
  return index.sections.at(-1)?.tables.at(-1)?.columns ?? [];
}

/** One scan, two visitors: `first` sees each event before `second`. */
function bothVisitors(first: ReportDocumentVisitor, second: ReportDocumentVisitor): ReportDocumentVisitor {
  return {
    header(report) {
      first.header(report);
      second.header(report);
    },
    manifestEntry(entry) {
      first.manifestEntry(entry);
      second.manifestEntry(entry);
    },
    sectionStart(key, head) {
      first.sectionStart(key, head);
      second.sectionStart(key, head);
    },
    tableStart(name) {
      first.tableStart(name);
      second.tableStart(name);
    },
    row(bytes, start, end) {
      first.row(bytes, start, end);
      second.row(bytes, start, end);
    },
    tableEnd() {
      first.tableEnd();
      second.tableEnd();
    },
    sectionEnd() {
      first.sectionEnd();
      second.sectionEnd();
    },
  };
}
