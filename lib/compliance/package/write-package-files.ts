// The evidence package's files in their fixed order, rendered from the stored
// JSON artifact in two streaming passes: report.json as stored (indexing its
// tables on the way), then README.txt and manifest.csv, then every table's
// CSV(s) from a second read of the same bytes, then the statement. The sink
// decides where the bytes go: the ZIP of a download, or only hashes when the
// verifier re-derives a package. Returns the SHA256SUMS text over these files.
// Synchronous work between awaits is one stored chunk's worth: this runs in a
// thread of its own for a download (render-evidence-package-thread.ts), and
// alone in the verifier's process.
import { createHash } from "node:crypto";
import { createCsvRowTranscoder, type CsvRowTranscoder } from "@/lib/compliance/csv/create-csv-row-transcoder";
import { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import { createReportDocumentIndexer, type ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";
import { createReportDocumentScanner, type ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";
import { planPackageFiles, spreadsheetDataRows, type TablePlan } from "@/lib/compliance/package/plan-package-files";
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
  /** The stored JSON artifact's bytes; called twice. */
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
/** Rendered CSV bytes handed to the sink at a time. */
const csvPieceBytes = 64 * 1024;

export async function writePackageFiles(input: PackageFilesInput, sink: PackageSink): Promise<PackageFiles> {
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

  // Pass 1: report.json as stored, indexed as it passes.
  const indexer = createReportDocumentIndexer();
  const indexScanner = createReportDocumentScanner(indexer.visitor);
  const json = open(reportJsonFile, input.jsonSha256);
  for await (const chunk of input.readJson()) {
    indexScanner.push(chunk);
    await json.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), input.isJsonHandedOver);
  }
  indexScanner.end();
  await json.close();
  const { index } = indexer;
  const plans = planPackageFiles(index, input.maxDataRows ?? spreadsheetDataRows);

  await writeWhole(readmeFile, renderPackageReadme(index, plans));
  await writeWhole(manifestFile, bom + renderManifestCsv(index, plans));

  // Pass 2: the tables. The scanner is synchronous; what it renders for one
  // chunk is queued as steps and written (with backpressure) before the next.
  type Step = { open: string } | { bytes: Buffer } | { close: true };
  const steps: Step[] = [];
  const pending = new GrowableBytes(csvPieceBytes + csvPieceBytes / 2);
  const flushBytes = () => {
    if (pending.length > 0) steps.push({ bytes: pending.take() });
  };
  let planIndex = 0;
  let plan: TablePlan | undefined;
  let part = 0;
  let rowsInPart = 0;
  let transcoder: CsvRowTranscoder | undefined;
  const startPart = () => {
    const file = plan!.files[part]!;
    flushBytes();
    steps.push({ open: file.path });
    pending.writeUtf8(bom + (file.columns.length > 0 ? transcoder!.header : ""));
    rowsInPart = 0;
  };
  const endPart = () => {
    flushBytes();
    steps.push({ close: true });
  };
  const tables: ReportDocumentVisitor = {
    header() {},
    manifestEntry() {},
    sectionStart() {},
    tableStart(name) {
      plan = plans[planIndex++];
      if (plan?.table !== name) throw new Error(`report.json changed between reads (table ${name})`);
      part = 0;
      transcoder = createCsvRowTranscoder(plan.columns, `${plan.section}.${plan.table}`);
      startPart();
    },
    row(bytes, start, end) {
      if (rowsInPart === plan!.files[part]!.rowCount) {
        endPart();
        part += 1;
        if (part >= plan!.files.length) throw new Error(`report.json changed between reads (${plan!.table} grew)`);
        startPart();
      }
      transcoder!.write(bytes, start, end, pending);
      if (pending.length >= csvPieceBytes) flushBytes();
      rowsInPart += 1;
    },
    tableEnd() {
      if (part !== plan!.files.length - 1 || rowsInPart !== plan!.files[part]!.rowCount) {
        throw new Error(`report.json changed between reads (${plan!.table} shrank)`);
      }
      endPart();
    },
    sectionEnd() {},
  };
  const tableScanner = createReportDocumentScanner(tables);
  let current: ReturnType<typeof open> | undefined;
  const runSteps = async () => {
    flushBytes();
    for (const step of steps.splice(0)) {
      if ("open" in step) current = open(step.open);
      else if ("bytes" in step) await current!.write(step.bytes, true);
      else await current!.close();
    }
  };
  for await (const chunk of input.readJson()) {
    tableScanner.push(chunk);
    await runSteps();
  }
  tableScanner.end();
  await runSteps();
  if (planIndex !== plans.length) throw new Error("report.json changed between reads (tables missing)");

  await writeWhole(statementFile, input.statementJws);
  return { index, plans, sums };
}
