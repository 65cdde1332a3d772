// The engine's ReportOutput: renders the builder calls as JSON document text,
// batch by batch, into the report's artifacts (which store it, and render the
// CSV from each batch's rows, possibly in another thread meanwhile). Nothing
// is held whole: a table's rows pass through in batches of at most `batchRows`
// rows and about `batchChars` characters of JSON (email bodies vary a lot).
//
// It also collects the report's preview (lib/compliance/preview), which the
// job stores beside the artifacts for the viewer.
//
// JSON shape: {"report":{…},"manifest":[…],"sections":{"<key>":{"title",
// "description","criteria","summary","tables":{"<name>":[rows…]}}}}
import type { ArtifactTotalsPair, ReportArtifacts } from "@/lib/compliance/artifacts/report-artifacts";
import { ReportPreviewCollector } from "@/lib/compliance/preview/report-preview-collector";
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import type {
  JsonValue,
  ManifestEntry,
  ReportOutput,
  ReportRow,
  SectionHeader,
  TableRows,
} from "@/lib/compliance/reports/report-definition";

export const schemaVersion = 1;

export type ReportDocumentHeader = { [key: string]: JsonValue };

type Options = {
  artifacts: ReportArtifacts;
  /** Row fields must be among these (the artifacts' CSV columns). */
  csvColumns: readonly string[];
  /** Throttled by the caller; throws when the lease is lost. */
  onProgress: (percent: number) => Promise<void>;
  /** Throws when the job must stop; called between batches. */
  checkpoint: () => void;
  batchRows?: number;
  batchChars?: number;
  /** Rows each table keeps in the preview. */
  previewRowsPerTable?: number;
};

export class ReportDocumentWriter implements ReportOutput {
  private state: "new" | "started" | "manifest" | "section" | "finished" = "new";
  private readonly sectionKeys = new Set<string>();
  private tableNames = new Set<string>();
  private currentSection = "";
  private readonly columnSet: Set<string>;
  private readonly batchRows: number;
  private readonly batchChars: number;
  private readonly previewCollector: ReportPreviewCollector;

  constructor(private readonly options: Options) {
    this.previewCollector = new ReportPreviewCollector(options.previewRowsPerTable);
    this.columnSet = new Set(options.csvColumns);
    // Small enough that the artifact thread's parse of a batch and its CSV
    // die in its young generation (docs/benchmarks.md, row batch size).
    this.batchRows = options.batchRows ?? 250;
    // Bounds a batch of long rows (emails), as the row count bounds short ones.
    // A batch crosses to the artifact thread as one message, whose serialised
    // copy the runtime allocates afresh; kept under glibc's mmap threshold it
    // is reused rather than mapped and faulted in (docs/benchmarks.md, row batch size).
    this.batchChars = options.batchChars ?? 24 * 1024;
    for (const reserved of ["section", "table"]) {
      if (this.columnSet.has(reserved)) throw new Error(`csvColumns must not repeat the fixed column "${reserved}"`);
    }
  }

  /** The report header. */
  async begin(report: ReportDocumentHeader): Promise<void> {
    this.expect("new", "begin");
    await this.options.artifacts.writeJson(`{"report":${JSON.stringify(report)},\n"manifest":`);
    this.previewCollector.begin(report);
    this.state = "started";
  }

  async writeManifest(entries: ManifestEntry[]): Promise<void> {
    this.expect("started", "writeManifest");
    const lines = entries.map((entry) => JSON.stringify(entry)).join(",\n");
    await this.options.artifacts.writeJson(`[${lines ? `\n${lines}\n` : ""}],\n"sections":{`);
    this.previewCollector.manifest(entries);
    this.state = "manifest";
  }

  async startSection(key: string, header: SectionHeader): Promise<void> {
    this.expect("manifest", "startSection");
    if (this.sectionKeys.has(key)) throw new Error(`Section "${key}" was written twice`);
    const separator = this.sectionKeys.size > 0 ? "," : "";
    this.sectionKeys.add(key);
    this.currentSection = key;
    this.tableNames = new Set();
    const head = {
      title: header.title,
      description: header.description,
      criteria: header.criteria,
      summary: header.summary,
    };
    // The header object minus its closing brace, so "tables" can follow it.
    await this.options.artifacts.writeJson(
      `${separator}\n${JSON.stringify(key)}:${JSON.stringify(head).slice(0, -1)},"tables":{`,
    );
    this.previewCollector.startSection(key, head);
    this.state = "section";
  }

  async writeTable(name: string, rows: TableRows): Promise<number> {
    this.expect("section", "writeTable");
    if (this.tableNames.has(name)) throw new Error(`Table "${this.currentSection}.${name}" was written twice`);
    const separator = this.tableNames.size > 0 ? "," : "";
    this.tableNames.add(name);
    await this.options.artifacts.writeJson(`${separator}\n${JSON.stringify(name)}:[`);
    const toPreview = this.previewCollector.startTable(name);

    let count = 0;
    let batchSize = 0;
    let rowsJson = "";
    /** Adds a row's JSON text; true once the batch is full. */
    const add = (json: string): boolean => {
      rowsJson += (batchSize > 0 ? ",\n" : "") + json;
      batchSize += 1;
      return batchSize >= this.batchRows || rowsJson.length >= this.batchChars;
    };
    const flush = async () => {
      await this.flushBatch(name, count, rowsJson);
      count += batchSize;
      batchSize = 0;
      rowsJson = "";
    };
    for await (const batch of Symbol.asyncIterator in rows ? rows : [rows]) {
      if ("rowJson" in batch) {
        // One rendering made every row of the batch: its fields are checked once.
        if (batch.rowJson.length > 0) this.assertColumns(name, JSON.parse(batch.rowJson[0]!) as ReportRow);
        for (const json of batch.rowJson) {
          toPreview.rowJson(json);
          if (add(json)) await flush();
        }
        continue;
      }
      for (const row of batch) {
        this.assertColumns(name, row);
        toPreview.row(row);
        if (add(JSON.stringify(row))) await flush();
      }
    }
    if (batchSize > 0) await flush();
    await this.options.artifacts.writeJson(count > 0 ? "\n]" : "]");
    return count;
  }

  async endSection(): Promise<void> {
    this.expect("section", "endSection");
    await this.options.artifacts.writeJson("}}");
    this.state = "manifest";
  }

  async reportProgress(percent: number): Promise<void> {
    await this.options.onProgress(Math.max(0, Math.min(99, Math.round(percent))));
  }

  /** Closes the document; a builder that never wrote its manifest fails the report. */
  async finish(): Promise<ArtifactTotalsPair> {
    if (this.state === "section") throw new Error(`Section "${this.currentSection}" was not ended`);
    this.expect("manifest", "finish (the builder wrote no population manifest)");
    await this.options.artifacts.writeJson("\n}}\n");
    this.state = "finished";
    return this.options.artifacts.finish();
  }

  /** What the viewer shows, collected from the same calls; complete once `finish` resolved. */
  preview(): ReportPreview {
    if (this.state !== "finished") throw new Error("Report output: preview read before finish");
    return this.previewCollector.finish();
  }

  /** `before`: rows of the table already written; `rowsJson`: the batch's rows as JSON texts joined by ",\n". */
  private async flushBatch(table: string, before: number, rowsJson: string): Promise<void> {
    this.options.checkpoint();
    await this.options.artifacts.writeRows({
      section: this.currentSection,
      table,
      separator: before > 0 ? ",\n" : "\n",
      rowsJson,
    });
  }

  private assertColumns(table: string, row: ReportRow): void {
    // for…in rather than Object.keys: no array per row (rows are plain objects).
    for (const key in row) {
      if (!this.columnSet.has(key)) {
        throw new Error(`Row of "${this.currentSection}.${table}" has a field "${key}" that is not a CSV column`);
      }
    }
  }

  private expect(state: ReportDocumentWriter["state"], call: string): void {
    if (this.state !== state) throw new Error(`Report output: ${call} called out of order (state ${this.state})`);
  }
}
