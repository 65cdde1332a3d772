// An in-memory ReportOutput for builder tests: it keeps everything a builder
// writes and enforces the contract the engine enforces (manifest once and
// first, sections opened and closed in order, no table written twice, every
// row key a declared CSV column).
import type {
  JsonValue,
  ManifestEntry,
  ReportOutput,
  ReportRow,
  SectionHeader,
  TableRows,
} from "@/lib/compliance/reports/report-definition";

export type CollectedSection = SectionHeader & { tables: Record<string, ReportRow[]> };

export class CollectingReportOutput implements ReportOutput {
  manifest: ManifestEntry[] | null = null;
  readonly sections = new Map<string, CollectedSection>();
  readonly progress: number[] = [];
  private current: string | null = null;

  constructor(private readonly csvColumns: readonly string[]) {}

  async writeManifest(entries: ManifestEntry[]): Promise<void> {
    if (this.manifest) throw new Error("writeManifest called twice");
    if (this.sections.size > 0) throw new Error("writeManifest called after a section");
    this.manifest = entries;
  }

  async startSection(key: string, header: SectionHeader): Promise<void> {
    if (!this.manifest) throw new Error(`startSection(${key}) before the manifest`);
    if (this.current) throw new Error(`startSection(${key}) while ${this.current} is open`);
    if (this.sections.has(key)) throw new Error(`Section ${key} written twice`);
    this.sections.set(key, { ...header, tables: {} });
    this.current = key;
  }

  async writeTable(name: string, rows: TableRows): Promise<number> {
    const section = this.current ? this.sections.get(this.current) : undefined;
    if (!section) throw new Error(`writeTable(${name}) outside a section`);
    if (section.tables[name]) throw new Error(`Table ${this.current}.${name} written twice`);
    const collected: ReportRow[] = [];
    for await (const batch of Symbol.asyncIterator in rows ? rows : [rows]) {
      // Rows the database rendered arrive as their JSON texts.
      for (const row of "rowJson" in batch ? batch.rowJson.map((json) => JSON.parse(json) as ReportRow) : batch) {
        for (const key of Object.keys(row)) {
          if (!this.csvColumns.includes(key)) throw new Error(`${this.current}.${name}: "${key}" is not a CSV column`);
        }
        // Round-trip through JSON, as the engine does, so non-JSON values would show up here.
        collected.push(JSON.parse(JSON.stringify(row)) as ReportRow);
      }
    }
    section.tables[name] = collected;
    return collected.length;
  }

  async endSection(): Promise<void> {
    if (!this.current) throw new Error("endSection without a section");
    this.current = null;
  }

  async reportProgress(percent: number): Promise<void> {
    this.progress.push(percent);
  }

  /** The rows of one table; throws if it was not written. */
  table(section: string, name: string): ReportRow[] {
    const rows = this.sections.get(section)?.tables[name];
    if (!rows) throw new Error(`No table ${section}.${name}`);
    return rows;
  }

  /** The manifest entry whose source ends with `: <section>.<table>`. */
  manifestFor(section: string, name: string): ManifestEntry {
    const entry = this.manifest?.find((candidate) => candidate.source.endsWith(`: ${section}.${name}`));
    if (!entry) throw new Error(`No manifest entry for ${section}.${name}`);
    return entry;
  }

  /** Every row of every table, with where it came from. */
  allRows(): Array<{ section: string; table: string; row: ReportRow }> {
    const rows: Array<{ section: string; table: string; row: ReportRow }> = [];
    for (const [section, content] of this.sections) {
      for (const [table, tableRows] of Object.entries(content.tables)) {
        for (const row of tableRows) rows.push({ section, table, row });
      }
    }
    return rows;
  }

  /** Everything written, as one JSON text (for "never appears anywhere" checks). */
  toJson(): string {
    const sections: Record<string, JsonValue> = {};
    for (const [key, section] of this.sections) sections[key] = section as unknown as JsonValue;
    return JSON.stringify({ manifest: this.manifest, sections });
  }
}
