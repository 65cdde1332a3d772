// Reads a stored report JSON as a stream into its preview (report-preview.ts):
// the header, manifest, every section's summary and only the first rows of each
// table, while counting all rows. Only reports completed before previews were
// stored at generation need it, once each (get-report-preview.ts).
//
// It relies on the line layout of lib/compliance/artifacts/report-document-writer.ts
// (header, manifest entries, section heads, table starts and rows each begin a
// line; JSON strings never contain a raw newline). A unit test feeds that
// writer's output through this reader; any other layout throws.
import {
  isKeptWhole,
  rowTimeKey,
  type DailyRowCounts,
  type ReportPreview,
  type ReportPreviewDocument,
  type ReportPreviewSection,
} from "@/lib/compliance/preview/report-preview";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

export class ReportLayoutError extends Error {
  constructor(message: string) {
    super(`Unexpected report layout: ${message}`);
    this.name = "ReportLayoutError";
  }
}

/** Length of the JSON string literal at the start of `line` (quotes included). */
function leadingStringLength(line: string): number {
  if (line[0] !== '"') return -1;
  for (let index = 1; index < line.length; index++) {
    const char = line[index];
    if (char === "\\") index++;
    else if (char === '"') return index + 1;
  }
  return -1;
}

const stripComma = (line: string) => (line.endsWith(",") ? line.slice(0, -1) : line);
const tablesOpen = ',"tables":{';

// The row's time without parsing the row: `"occurred_at":"2026-01-31T…"` (keys are
// JSON.stringify'd, so the text is exact; nested values never use this key).
const rowDayPattern = new RegExp(`"${rowTimeKey}":"(\\d{4}-\\d{2}-\\d{2})`);

export class ReportDocumentPreviewReader {
  private state: "start" | "manifest-next" | "manifest" | "sections-next" | "sections" | "rows" | "done" = "start";
  private readonly document: ReportPreviewDocument = { report: {}, manifest: [], sections: {} };
  private readonly rowCounts: Record<string, Record<string, number>> = {};
  private readonly dailyCounts: DailyRowCounts = {};
  private section: ReportPreviewSection | null = null;
  private sectionKey = "";
  private tableName = "";
  private rows: ReportRow[] = [];

  constructor(private readonly maxRowsPerTable: number) {}

  /** Feeds one complete line (without its newline). */
  line(raw: string): void {
    const line = raw.trimEnd();
    if (line === "") return;
    switch (this.state) {
      case "start": {
        if (!line.startsWith('{"report":')) throw new ReportLayoutError("no report header");
        this.document.report = JSON.parse(stripComma(line.slice('{"report":'.length)));
        this.state = "manifest-next";
        return;
      }
      case "manifest-next": {
        if (line === '"manifest":[],') this.state = "sections-next";
        else if (line === '"manifest":[') this.state = "manifest";
        else throw new ReportLayoutError("no manifest");
        return;
      }
      case "manifest": {
        if (line === "],") this.state = "sections-next";
        else this.document.manifest.push(JSON.parse(stripComma(line)));
        return;
      }
      case "sections-next": {
        if (line !== '"sections":{') throw new ReportLayoutError("no sections");
        this.state = "sections";
        return;
      }
      case "sections":
        return this.sectionLine(stripComma(line));
      case "rows":
        return this.rowLine(line);
      case "done":
        throw new ReportLayoutError("content after the end of the document");
    }
  }

  private sectionLine(line: string): void {
    if (line === "}}") {
      if (this.section) throw new ReportLayoutError("document ended inside a section");
      this.state = "done";
      return;
    }
    const keyLength = leadingStringLength(line);
    if (keyLength < 0 || line[keyLength] !== ":") throw new ReportLayoutError(`unreadable line ${line.slice(0, 40)}`);
    const key = JSON.parse(line.slice(0, keyLength)) as string;
    const rest = line.slice(keyLength + 1);

    if (!this.section) {
      // A section head: {"title",…,"summary":{…},"tables":{   (or …"tables":{}} when it has none)
      const isEmpty = rest.endsWith(`${tablesOpen}}}`);
      const head = isEmpty ? rest.slice(0, -(tablesOpen.length + 2)) : rest.slice(0, -tablesOpen.length);
      if (!isEmpty && !rest.endsWith(tablesOpen)) throw new ReportLayoutError(`section ${key} has no tables`);
      const parsed = JSON.parse(`${head}}`) as Omit<ReportPreviewSection, "tables">;
      this.section = { ...parsed, tables: {} };
      this.sectionKey = key;
      this.document.sections[key] = this.section;
      this.rowCounts[key] = {};
      if (isEmpty) this.section = null;
      return;
    }
    // A table start: "name":[   or an empty one, possibly closing its section: "name":[]}}
    if (rest === "[") {
      this.startTable(key);
      this.state = "rows";
    } else if (rest === "[]" || rest === "[]}}") {
      this.startTable(key);
      if (rest === "[]}}") this.section = null;
    } else throw new ReportLayoutError(`unreadable table start ${key}`);
  }

  private startTable(name: string): void {
    if (!this.section) throw new ReportLayoutError("table outside a section");
    this.tableName = name;
    this.rows = [];
    this.section.tables[name] = this.rows;
    this.rowCounts[this.sectionKey]![name] = 0;
  }

  private rowLine(line: string): void {
    if (line.startsWith("]")) {
      const rest = stripComma(line.slice(1));
      if (rest === "}}") this.section = null;
      else if (rest !== "") throw new ReportLayoutError("unreadable table end");
      this.state = "sections";
      return;
    }
    if (!line.startsWith("{")) throw new ReportLayoutError(`unreadable row in ${this.tableName}`);
    const counts = this.rowCounts[this.sectionKey]!;
    const count = (counts[this.tableName] ?? 0) + 1;
    counts[this.tableName] = count;
    const day = rowDayPattern.exec(line)?.[1];
    if (day) {
      const days = ((this.dailyCounts[this.sectionKey] ??= {})[this.tableName] ??= {});
      days[day] = (days[day] ?? 0) + 1;
    }
    // Rows past the preview are only counted, never parsed: that is what keeps this cheap.
    if (count <= this.maxRowsPerTable || isKeptWhole(this.sectionKey, this.tableName))
      this.rows.push(JSON.parse(stripComma(line)));
  }

  finish(): ReportPreview {
    if (this.state !== "done") throw new ReportLayoutError("the document ended early");
    return {
      document: this.document,
      rowCounts: this.rowCounts,
      dailyCounts: this.dailyCounts,
      rowsPerTable: this.maxRowsPerTable,
    };
  }
}

/** Reads `body` (the stored JSON's bytes) through the reader. */
export async function readReportPreview(
  body: AsyncIterable<Uint8Array>,
  { maxRowsPerTable }: { maxRowsPerTable: number },
): Promise<ReportPreview> {
  const reader = new ReportDocumentPreviewReader(maxRowsPerTable);
  const decoder = new TextDecoder();
  let carry = "";
  for await (const value of body) {
    const text = carry + decoder.decode(value, { stream: true });
    const lines = text.split("\n");
    carry = lines.pop() ?? "";
    for (const line of lines) reader.line(line);
  }
  carry += decoder.decode();
  if (carry) reader.line(carry);
  return reader.finish();
}
