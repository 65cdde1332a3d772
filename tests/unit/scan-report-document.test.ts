// The package reads report.json back in the document writer's exact shape:
// whatever the writer writes (empty manifest, sections and tables, rows with
// line breaks, quotes, U+2028, rows longer than a chunk), the scanner sees
// the same header, manifest, sections, tables and rows, at any chunk size; and
// it refuses a document the writer would not write.
import { describe, expect, it } from "vitest";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import { ReportDocumentWriter } from "@/lib/compliance/artifacts/report-document-writer";
import { createReportDocumentScanner, type ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";
import type { ManifestEntry, ReportRow } from "@/lib/compliance/reports/report-definition";

function memorySink(): ArtifactSink & { text: () => string } {
  let text = "";
  return {
    async write(piece: string) {
      text += piece;
    },
    async writeBytes(bytes: Uint8Array) {
      text += Buffer.from(bytes).toString("utf8");
    },
    async finish() {
      return { byteSize: text.length, sha256: "", chunkCount: 0 };
    },
    async abort() {},
    text: () => text,
  };
}

const columns = ["id", "note", "nested"];
const tricky: ReportRow[] = [
  { id: "a", note: 'line\nbreak, "quoted"', nested: { deep: ["x\r\n", null] } },
  { id: "b", note: "separator\u2028and\u2029 ünïcödé 🎉", nested: null },
  { id: "c", note: "x".repeat(200_000), nested: [1, 2, 3] },
];

async function writeDocument(manifest: ManifestEntry[]): Promise<string> {
  const json = memorySink();
  const writer = new ReportDocumentWriter({
    artifacts: createReportArtifacts({ json, csv: memorySink() }, columns),
    csvColumns: columns,
    onProgress: async () => {},
    checkpoint: () => {},
    batchRows: 2,
  });
  await writer.begin({ id: "r1", title: "T", scope: { agentIds: [] } });
  await writer.writeManifest(manifest);
  await writer.startSection("first", { title: "First", description: "d", criteria: ["CC1"], summary: { n: 1 } });
  await writer.writeTable("rows", tricky);
  await writer.writeTable("empty", []);
  await writer.writeTable("one", [{ id: "z" }]);
  await writer.endSection();
  await writer.startSection("no_tables", { title: "None", description: "", criteria: [], summary: {} });
  await writer.endSection();
  await writer.startSection("last", { title: "Last", description: "", criteria: [], summary: {} });
  await writer.writeTable("trailing_empty", []);
  await writer.endSection();
  await writer.finish();
  return json.text();
}

function scan(text: string, chunkSize: number) {
  const events: unknown[] = [];
  const visitor: ReportDocumentVisitor = {
    header: (report) => events.push(["header", report]),
    manifestEntry: (entry) => events.push(["manifest", entry]),
    sectionStart: (key, head) => events.push(["section", key, head]),
    tableStart: (name) => events.push(["table", name]),
    row: (bytes, start, end) => events.push(["row", JSON.parse(bytes.toString("utf8", start, end))]),
    tableEnd: () => events.push(["tableEnd"]),
    sectionEnd: () => events.push(["sectionEnd"]),
  };
  const scanner = createReportDocumentScanner(visitor);
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length; at += chunkSize) scanner.push(bytes.subarray(at, at + chunkSize));
  scanner.end();
  return events;
}

describe("scanReportDocument", () => {
  it.each([[[]], [[{ source: "S: first.rows", filter: "f", rowCount: 3, first: null, last: null }]]])(
    "reads back every piece the writer wrote (manifest %#)",
    async (manifest) => {
      const text = await writeDocument(manifest as ManifestEntry[]);
      const document = JSON.parse(text) as { sections: Record<string, { tables: Record<string, ReportRow[]> }> };
      const expected = [
        ["header", { id: "r1", title: "T", scope: { agentIds: [] } }],
        ...manifest.map((entry) => ["manifest", entry]),
        ["section", "first", { title: "First", description: "d", criteria: ["CC1"], summary: { n: 1 } }],
        ["table", "rows"],
        ...document.sections.first!.tables.rows!.map((row) => ["row", row]),
        ["tableEnd"],
        ["table", "empty"],
        ["tableEnd"],
        ["table", "one"],
        ["row", { id: "z" }],
        ["tableEnd"],
        ["sectionEnd"],
        ["section", "no_tables", { title: "None", description: "", criteria: [], summary: {} }],
        ["sectionEnd"],
        ["section", "last", { title: "Last", description: "", criteria: [], summary: {} }],
        ["table", "trailing_empty"],
        ["tableEnd"],
        ["sectionEnd"],
      ];
      expect(document.sections.first!.tables.rows).toEqual(tricky);
      for (const chunkSize of [1, 7, 4096, 1 << 20]) expect(scan(text, chunkSize)).toEqual(expected);
    },
  );

  it("refuses a document cut short or changed in shape", async () => {
    const text = await writeDocument([]);
    expect(() => scan(text.slice(0, -5), 64)).toThrow(/ends early|expected/);
    expect(() => scan(text.replace('"tables":{', '"tables" : {'), 64)).toThrow(/report\.json line/);
    expect(() => scan(`${text}{}\n`, 64)).toThrow(/after the document's end/);
  });
});
