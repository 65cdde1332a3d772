// Reads a stored JSON artifact back, line by line, in the exact shape
// ReportDocumentWriter writes it: every structural piece (header, manifest
// entry, section head, table name) and every row is one line, because
// JSON.stringify never writes a raw line break. A generic streaming JSON
// parser reads the same document several times slower; this one only parses
// what it is asked to (a row is handed over as bytes), and refuses any line
// the writer would not have written, so a changed writer fails loudly here.
import type { JsonValue, ManifestEntry } from "@/lib/compliance/reports/report-definition";

export type SectionHead = {
  title: string;
  description: string;
  criteria: string[];
  summary: Record<string, JsonValue>;
};

export interface ReportDocumentVisitor {
  header(report: Record<string, JsonValue>): void;
  manifestEntry(entry: ManifestEntry): void;
  sectionStart(key: string, head: SectionHead): void;
  tableStart(name: string): void;
  /** One row's JSON text is `bytes[start, end)` (UTF-8); parse it only if needed. */
  row(bytes: Buffer, start: number, end: number): void;
  tableEnd(): void;
  sectionEnd(): void;
}

export type ReportDocumentScanner = {
  push(chunk: Uint8Array): void;
  /** Throws unless the document was complete. */
  end(): void;
};

type State = "header" | "manifest-open" | "manifest" | "sections-open" | "sections" | "tables" | "rows" | "done";

const newline = 0x0a;
const openBrace = 0x7b;
const comma = 0x2c;
const tableLine = /^("(?:[^"\\]|\\.)*"):\[(\])?(,|\}\}|\}\},)?$/;
const tablesOpen = ',"tables":{';

export function createReportDocumentScanner(visitor: ReportDocumentVisitor): ReportDocumentScanner {
  let state: State = "header";
  let lineNumber = 0;
  // The unfinished last line of the chunks so far, in pieces (a long row spans many chunks).
  let carry: Buffer[] = [];

  const fail = (line: string, why: string): never => {
    const shown = line.length > 80 ? `${line.slice(0, 80)}…` : line;
    throw new Error(`report.json line ${lineNumber}: ${why} (${JSON.stringify(shown)})`);
  };

  /** `]`, `]}}` and the like after a table or section: what the closers end. */
  const closeAfterTable = (rest: string, line: string) => {
    if (rest === "" || rest === ",") state = "tables";
    else if (rest === "}}" || rest === "}},") {
      visitor.sectionEnd();
      state = "sections";
    } else fail(line, "unexpected text after a table");
  };

  const structural = (line: string) => {
    switch (state) {
      case "header":
        if (!line.startsWith('{"report":') || !line.endsWith(",")) fail(line, "expected the report header");
        visitor.header(JSON.parse(line.slice('{"report":'.length, -1)) as Record<string, JsonValue>);
        state = "manifest-open";
        return;
      case "manifest-open":
        if (line === '"manifest":[') state = "manifest";
        else if (line === '"manifest":[],') state = "sections-open";
        else fail(line, "expected the manifest");
        return;
      case "manifest":
        if (line === "],") state = "sections-open";
        else visitor.manifestEntry(JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line) as ManifestEntry);
        return;
      case "sections-open":
        if (line !== '"sections":{') fail(line, "expected the sections");
        state = "sections";
        return;
      case "sections": {
        if (line === "}}") {
          state = "done";
          return;
        }
        const text = line.endsWith(",") ? line.slice(0, -1) : line;
        const at = text.lastIndexOf(tablesOpen);
        const tail = at < 0 ? "" : text.slice(at + tablesOpen.length);
        if (at < 0 || (tail !== "" && tail !== "}}")) fail(line, "expected a section");
        const parsed = JSON.parse(`{${text.slice(0, at)}}}`) as Record<string, SectionHead>;
        const [key, head] = Object.entries(parsed)[0] ?? fail(line, "expected a section");
        visitor.sectionStart(key, head);
        if (tail === "}}") visitor.sectionEnd();
        else state = "tables";
        return;
      }
      case "tables": {
        const match = tableLine.exec(line) ?? fail(line, "expected a table");
        visitor.tableStart(JSON.parse(match[1]!) as string);
        if (match[2] === undefined) {
          if (match[3] !== undefined) fail(line, "expected the table's rows");
          state = "rows";
          return;
        }
        visitor.tableEnd();
        closeAfterTable(match[3] ?? "", line);
        return;
      }
      case "rows":
        if (!line.startsWith("]")) fail(line, "expected a row or the table's end");
        visitor.tableEnd();
        closeAfterTable(line.slice(1), line);
        return;
      case "done":
        fail(line, "text after the document's end");
    }
  };

  const onLine = (bytes: Buffer, start: number, end: number) => {
    lineNumber += 1;
    if (state === "rows" && bytes[start] === openBrace) {
      visitor.row(bytes, start, bytes[end - 1] === comma ? end - 1 : end);
      return;
    }
    if (end === start && state === "done") return;
    const line = bytes.toString("utf8", start, end);
    try {
      structural(line);
    } catch (error) {
      if (error instanceof SyntaxError) fail(line, error.message);
      throw error;
    }
  };

  return {
    push(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let start = 0;
      let at = bytes.indexOf(newline);
      if (at >= 0 && carry.length > 0) {
        // Finish the carried line with this chunk's first piece.
        const line = Buffer.concat([...carry, bytes.subarray(0, at)]);
        carry = [];
        onLine(line, 0, line.length);
        start = at + 1;
        at = bytes.indexOf(newline, start);
      }
      while (at >= 0) {
        onLine(bytes, start, at);
        start = at + 1;
        at = bytes.indexOf(newline, start);
      }
      // Kept as a copy: the caller may reuse its buffer.
      if (start < bytes.length) carry.push(Buffer.from(bytes.subarray(start)));
    },
    end() {
      if (carry.length > 0) {
        const line = Buffer.concat(carry);
        carry = [];
        onLine(line, 0, line.length);
      }
      if (state !== "done") throw new Error(`report.json ends early (line ${lineNumber}, while reading ${state})`);
    },
  };
}
