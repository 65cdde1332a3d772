// The evidence package's files in their fixed order, rendered from the stored
// JSON artifact in two streaming passes: report.json as stored (indexing its
// tables on the way), then README.txt and manifest.csv, then every table's
// CSV(s) from a second read of the same bytes, then the statement. The sink
// decides where the bytes go: the ZIP of a download, or only hashes when the
// verifier re-derives a package. Returns the SHA256SUMS text over these files.
import { createHash } from "node:crypto";
import { createCsvRowEncoder, type CsvRowEncoder } from "@/lib/compliance/csv/create-csv-row-encoder";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import { createReportDocumentIndexer, type ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";
import { createReportDocumentScanner, type ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";
import { planPackageFiles, spreadsheetDataRows, type TablePlan } from "@/lib/compliance/package/plan-package-files";
import { renderManifestCsv } from "@/lib/compliance/package/render-manifest-csv";
import { renderPackageReadme } from "@/lib/compliance/package/render-package-readme";
import { manifestFile, readmeFile, reportJsonFile, statementFile } from "@/lib/compliance/package/package-layout";

export interface PackageFileWriter {
  /** Resolves when the sink can take more (backpressure). */
  write(bytes: Buffer): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface PackageSink {
  open(path: string): PackageFileWriter;
}

export type PackageFilesInput = {
  /** The stored JSON artifact's bytes; called twice. */
  readJson: () => AsyncIterable<Uint8Array>;
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

export async function writePackageFiles(input: PackageFilesInput, sink: PackageSink): Promise<PackageFiles> {
  let sums = "";
  const open = (path: string) => {
    const writer = sink.open(path);
    const hash = createHash("sha256");
    return {
      write(bytes: Buffer) {
        hash.update(bytes);
        return writer.write(bytes);
      },
      async close() {
        await writer.close();
        sums += `${hash.digest("hex")}  ${path}\n`;
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
  const json = open(reportJsonFile);
  for await (const chunk of input.readJson()) {
    indexScanner.push(chunk);
    await json.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    await yieldToEventLoop();
  }
  indexScanner.end();
  await json.close();
  const { index } = indexer;
  const plans = planPackageFiles(index, input.maxDataRows ?? spreadsheetDataRows);

  await writeWhole(readmeFile, renderPackageReadme(index, plans));
  await writeWhole(manifestFile, bom + renderManifestCsv(index, plans));

  // Pass 2: the tables. The scanner is synchronous; what it renders for one
  // chunk is queued as steps and written (with backpressure) before the next.
  type Step = { open: string } | { text: string } | { close: true };
  const steps: Step[] = [];
  let pending = "";
  const flushText = () => {
    if (pending) steps.push({ text: pending });
    pending = "";
  };
  let planIndex = 0;
  let plan: TablePlan | undefined;
  let part = 0;
  let rowsInPart = 0;
  let encoder: CsvRowEncoder | undefined;
  const startPart = () => {
    const file = plan!.files[part]!;
    flushText();
    steps.push({ open: file.path });
    pending = bom + (file.columns.length > 0 ? encoder!.header : "");
    rowsInPart = 0;
  };
  const endPart = () => {
    flushText();
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
      encoder = createCsvRowEncoder(plan.columns, `${plan.section}.${plan.table}`);
      startPart();
    },
    row(bytes, start, end) {
      if (rowsInPart === plan!.files[part]!.rowCount) {
        endPart();
        part += 1;
        if (part >= plan!.files.length) throw new Error(`report.json changed between reads (${plan!.table} grew)`);
        startPart();
      }
      pending += encoder!.encode(JSON.parse(bytes.toString("utf8", start, end)) as ReportRow);
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
    flushText();
    for (const step of steps.splice(0)) {
      if ("open" in step) current = open(step.open);
      else if ("text" in step) await current!.write(Buffer.from(step.text, "utf8"));
      else await current!.close();
    }
  };
  for await (const chunk of input.readJson()) {
    tableScanner.push(chunk);
    await runSteps();
    await yieldToEventLoop();
  }
  tableScanner.end();
  await runSteps();
  if (planIndex !== plans.length) throw new Error("report.json changed between reads (tables missing)");

  await writeWhole(statementFile, input.statementJws);
  return { index, plans, sums };
}

/**
 * Rendering runs on the server's main thread: between chunks it lets other
 * requests in (awaits that resolve at once would only run microtasks).
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
