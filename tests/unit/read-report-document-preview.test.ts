// The viewer's streaming preview reader against the engine's real JSON writer:
// same content as JSON.parse, tables cut to their first rows, every row counted.
import { describe, expect, it } from "vitest";
import { ReportLayoutError, readReportDocumentPreview } from "@/components/compliance/read-report-document-preview";
import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import { ReportDocumentWriter } from "@/lib/compliance/artifacts/report-document-writer";
import { countRowsByDay } from "@/components/compliance/report-document";

function memoryWriter() {
  const parts: string[] = [];
  const writer: ArtifactSink = {
    write: async (text: string) => void parts.push(text),
    finish: async () => ({ byteSize: 0, sha256: "", chunkCount: 0 }),
    abort: async () => {},
  };
  return { writer, text: () => parts.join("") };
}

const columns = ["occurred_at", "id", "subject", "body", "count", "nested"] as const;

async function renderDocument(build: (writer: ReportDocumentWriter) => Promise<void>): Promise<string> {
  const json = memoryWriter();
  const csv = memoryWriter();
  const writer = new ReportDocumentWriter({
    artifacts: createReportArtifacts({ json: json.writer, csv: csv.writer }, columns),
    csvColumns: columns,
    onProgress: async () => {},
    checkpoint: () => {},
    batchRows: 3,
  });
  await writer.begin({ id: "r1", type: "gdpr", title: 'Tricky "title"\nwith ]}} and ,"tables":{', timezone: "UTC" });
  await build(writer);
  await writer.finish();
  return json.text();
}

function emails(count: number): ReportRow[] {
  return Array.from({ length: count }, (_, index) => ({
    occurred_at: `2026-01-${String((index % 3) + 1).padStart(2, "0")}T10:00:00.000Z`,
    id: `e${index}`,
    subject: index % 2 ? 'Re: ]}} "quoted"' : "Ünïcödé — 日本語 ✓",
    body: "line one\nline two\r\n{not a row}\u2028",
    count: index,
    nested: { list: [1, 2, { deep: "],", occurred_at: "1999-01-01" }] },
  }));
}

async function buildSample(writer: ReportDocumentWriter) {
  await writer.writeManifest([
    { source: "emails", filter: "orgId = o1", rowCount: 7, first: { at: "2026-01-01", id: "e0" }, last: null },
    { source: "audit", filter: "x", rowCount: 0, first: null, last: null },
  ]);
  await writer.startSection("emails", {
    title: "Emails",
    description: 'Contains "tables":{ in text',
    criteria: [],
    summary: { total: 7, byDirection: { inbound: 3, outbound: 4 } },
  });
  await writer.writeTable("all", emails(7));
  await writer.writeTable("empty", []);
  await writer.writeTable("more", emails(2));
  await writer.endSection();
  await writer.startSection("no-tables", { title: "Nothing", description: "", criteria: ["CC6.1"], summary: {} });
  await writer.endSection();
  await writer.startSection('we"ird key', { title: "Last", description: "", criteria: [], summary: { n: null } });
  await writer.writeTable("only-empty", []);
  await writer.endSection();
}

function streamOf(text: string, chunkSize: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      // Chunk edges fall anywhere, including inside multi-byte characters.
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe("readReportDocumentPreview", () => {
  it("reads the writer's document exactly as JSON.parse does when nothing is cut", async () => {
    const text = await renderDocument(buildSample);
    for (const chunkSize of [1, 7, 64, 100_000]) {
      const result = await readReportDocumentPreview(streamOf(text, chunkSize), { maxRowsPerTable: Infinity });
      expect(result.document).toEqual(JSON.parse(text));
      expect(result.rowCounts).toEqual({
        emails: { all: 7, empty: 0, more: 2 },
        "no-tables": {},
        'we"ird key': { "only-empty": 0 },
      });
    }
  });

  it("keeps only the first rows of each table but counts them all", async () => {
    const text = await renderDocument(buildSample);
    const full = JSON.parse(text);
    let lastBytes = 0;
    const result = await readReportDocumentPreview(streamOf(text, 50), {
      maxRowsPerTable: 3,
      onBytes: (bytes) => (lastBytes = bytes),
    });
    expect(result.document.sections.emails?.tables.all).toEqual(full.sections.emails.tables.all.slice(0, 3));
    expect(result.document.sections.emails?.tables.more).toHaveLength(2);
    expect(result.rowCounts.emails).toEqual({ all: 7, empty: 0, more: 2 });
    // Days of the rows that were only counted agree with parsing every row.
    expect(result.dailyCounts).toEqual(countRowsByDay(full));
    expect(result.dailyCounts.emails?.all).toEqual({ "2026-01-01": 3, "2026-01-02": 2, "2026-01-03": 2 });
    expect(result.document.sections.emails?.summary).toEqual({ total: 7, byDirection: { inbound: 3, outbound: 4 } });
    expect(result.document.manifest).toEqual(full.manifest);
    expect(lastBytes).toBe(new TextEncoder().encode(text).length);
  });

  it("reads a document with an empty manifest and no sections", async () => {
    const text = await renderDocument(async (writer) => writer.writeManifest([]));
    const result = await readReportDocumentPreview(streamOf(text, 5), { maxRowsPerTable: 1 });
    expect(result.document).toEqual(JSON.parse(text));
  });

  it("refuses a layout it does not know instead of showing a partial report", async () => {
    const pretty = JSON.stringify({ report: {}, manifest: [], sections: {} }, null, 2);
    await expect(readReportDocumentPreview(streamOf(pretty, 10), { maxRowsPerTable: 1 })).rejects.toThrow(
      ReportLayoutError,
    );
    const text = await renderDocument(buildSample);
    const truncated = text.slice(0, Math.floor(text.length * 0.6));
    await expect(readReportDocumentPreview(streamOf(truncated, 10), { maxRowsPerTable: 1 })).rejects.toThrow(
      /ended early|Unexpected/,
    );
  });
});
