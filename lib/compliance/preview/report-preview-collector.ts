// Builds a report's preview (report-preview.ts) from the same calls that
// write its JSON document, so the two cannot disagree. Holds at most the first
// rows of each table (the charts' aggregate tables whole: one row per
// category or account): memory stays flat however large the population.
import {
  isKeptWhole,
  previewRowsPerTable,
  rowTimeKey,
  type DailyRowCounts,
  type ReportPreview,
  type ReportPreviewDocument,
  type ReportPreviewSection,
} from "@/lib/compliance/preview/report-preview";
import type { JsonValue, ManifestEntry, ReportRow, SectionHeader } from "@/lib/compliance/reports/report-definition";

/** A table's rows as the preview takes them: objects, or the JSON texts the database rendered. */
export type TablePreview = { row(row: ReportRow): void; rowJson(json: string): void };

/** How a rendered row's JSON text starts when its time comes first, as the populations' do. */
const timeKeyPrefix = `{${JSON.stringify(rowTimeKey)}:"`;

export class ReportPreviewCollector {
  private readonly document: ReportPreviewDocument = { report: {}, manifest: [], sections: {} };
  private readonly rowCounts: Record<string, Record<string, number>> = {};
  private readonly dailyCounts: DailyRowCounts = {};
  private section: ReportPreviewSection | null = null;
  private sectionKey = "";
  /** Records the open table's row count and its last day's rows. */
  private closeTable: (() => void) | null = null;

  constructor(private readonly rowsPerTable = previewRowsPerTable) {}

  begin(report: { [key: string]: JsonValue }): void {
    this.document.report = report;
  }

  manifest(entries: ManifestEntry[]): void {
    this.document.manifest = entries;
  }

  startSection(key: string, header: SectionHeader): void {
    this.sectionKey = key;
    this.section = { ...header, tables: {} };
    this.document.sections[key] = this.section;
    this.rowCounts[key] = {};
  }

  /** Starts a table; returns what takes each of its rows, in order, as an object or as its JSON text. */
  startTable(name: string): TablePreview {
    const section = this.section;
    if (!section) throw new Error("A table outside a section");
    this.closeTable?.();
    const rows: ReportRow[] = [];
    section.tables[name] = rows;
    const counts = this.rowCounts[this.sectionKey]!;
    const sectionKey = this.sectionKey;
    const keep = isKeptWhole(sectionKey, name) ? Infinity : this.rowsPerTable;
    let count = 0;
    let days: Record<string, number> | null = null;
    // Population rows come in time order: a day's rows are counted in a run
    // and added once, rather than sliced and looked up one by one.
    let day = "";
    let dayRows = 0;
    const endDay = () => {
      if (dayRows === 0) return;
      days ??= (this.dailyCounts[sectionKey] ??= {})[name] = {};
      days[day] = (days[day] ?? 0) + dayRows;
      dayRows = 0;
    };
    this.closeTable = () => {
      counts[name] = count;
      endDay();
    };
    counts[name] = 0;
    const countDay = (at: unknown) => {
      if (typeof at !== "string" || at.length < 10) return;
      if (dayRows > 0 && at.startsWith(day)) {
        dayRows += 1;
        return;
      }
      endDay();
      day = at.slice(0, 10);
      dayRows = 1;
    };
    return {
      row(row) {
        count += 1;
        // As the document has it (a builder may also reuse its row objects).
        if (count <= keep) rows.push(JSON.parse(JSON.stringify(row)) as ReportRow);
        countDay(row[rowTimeKey]);
      },
      rowJson(json) {
        count += 1;
        if (count <= keep) {
          const row = JSON.parse(json) as ReportRow;
          rows.push(row);
          countDay(row[rowTimeKey]);
          return;
        }
        // The populations' rows lead with their time: read there, not parsed.
        countDay(
          json.startsWith(timeKeyPrefix)
            ? json.slice(timeKeyPrefix.length)
            : (JSON.parse(json) as ReportRow)[rowTimeKey],
        );
      },
    };
  }

  finish(): ReportPreview {
    this.closeTable?.();
    this.closeTable = null;
    return {
      document: this.document,
      rowCounts: this.rowCounts,
      dailyCounts: this.dailyCounts,
      rowsPerTable: this.rowsPerTable,
    };
  }
}
