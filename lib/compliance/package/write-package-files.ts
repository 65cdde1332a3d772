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
import { createTableStepRenderer, type TableStep } from "@/lib/compliance/package/create-table-step-renderer";
import { createReportDocumentIndexer, type ReportDocumentIndex } from "@/lib/compliance/package/report-document-index";
import { createReportDocumentScanner } from "@/lib/compliance/package/scan-report-document";
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
  /** Renders the tables' files from the second read (default: in this thread, chunk by chunk). */
  renderTables?: TableStepSource;
};

/** The tables' steps, one batch per piece of report.json rendered, in order. */
export type TableStepSource = (json: AsyncIterable<Uint8Array>, plans: TablePlan[]) => AsyncIterable<TableStep[]>;

/** The tables rendered in this thread: what one chunk renders is written before the next is read. */
export async function* renderTableStepsHere(
  json: AsyncIterable<Uint8Array>,
  plans: TablePlan[],
): AsyncGenerator<TableStep[]> {
  const renderer = createTableStepRenderer(plans);
  for await (const chunk of json) yield renderer.push(chunk);
  yield renderer.end();
}

export type PackageFiles = {
  index: ReportDocumentIndex;
  plans: TablePlan[];
  /** `<sha256>  <path>` lines, in package order. */
  sums: string;
};

const bom = "\ufeff";

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

  // Pass 2: the tables, from a second read of the same bytes.
  const renderTables = input.renderTables ?? renderTableStepsHere;
  let current: ReturnType<typeof open> | undefined;
  for await (const steps of renderTables(input.readJson(), plans)) {
    for (const step of steps) {
      if ("open" in step) current = open(step.open);
      else if ("bytes" in step) await current!.write(step.bytes, true);
      else await current!.close();
    }
  }

  await writeWhole(statementFile, input.statementJws);
  return { index, plans, sums };
}
