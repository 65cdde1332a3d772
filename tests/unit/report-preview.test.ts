// The report's preview (what the viewer shows), against the engine's real JSON
// writer: the preview the writer collects at generation, and the one read back
// from a stored document, both equal the document where nothing is cut, keep
// only the first rows of each table, and count every row.
import { describe, expect, it } from "vitest";
import { ReportLayoutError, readReportPreview } from "@/lib/compliance/preview/read-report-preview";
import type { DailyRowCounts, ReportPreview } from "@/lib/compliance/preview/report-preview";
import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import { ReportDocumentWriter } from "@/lib/compliance/artifacts/report-document-writer";

/** Rows per UTC day of `occurred_at`, counted over the whole parsed document. */
function countRowsByDay(document: { sections: Record<string, { tables: Record<string, ReportRow[]> }> }) {
  const counts: DailyRowCounts = {};
  for (const [key, section] of Object.entries(document.sections)) {
    for (const [name, rows] of Object.entries(section.tables)) {
      for (const row of rows) {
        const at = row.occurred_at;
        if (typeof at !== "string") continue;
        const days = ((counts[key] ??= {})[name] ??= {});
        days[at.slice(0, 10)] = (days[at.slice(0, 10)] ?? 0) + 1;
      }
    }
  }
  return counts;
}

function memoryWriter() {
  const parts: string[] = [];
  const writer: ArtifactSink = {
    write: async (text: string) => void parts.push(text),
    writeBytes: async (bytes: Uint8Array) => void parts.push(Buffer.from(bytes).toString("utf8")),
    finish: async () => ({ byteSize: 0, sha256: "", chunkCount: 0 }),
    abort: async () => {},
  };
  return { writer, text: () => parts.join("") };
}

const columns = ["occurred_at", "id", "subject", "body", "count", "nested"] as const;

async function renderReport(
  build: (writer: ReportDocumentWriter) => Promise<void>,
  previewRowsPerTable?: number,
): Promise<{ text: string; csv: string; preview: ReportPreview }> {
  const json = memoryWriter();
  const csv = memoryWriter();
  const writer = new ReportDocumentWriter({
    artifacts: createReportArtifacts({ json: json.writer, csv: csv.writer }, columns),
    csvColumns: columns,
    onProgress: async () => {},
    checkpoint: () => {},
    batchRows: 3,
    ...(previewRowsPerTable === undefined ? {} : { previewRowsPerTable }),
  });
  await writer.begin({ id: "r1", type: "gdpr", title: 'Tricky "title"\nwith ]}} and ,"tables":{', timezone: "UTC" });
  await build(writer);
  await writer.finish();
  return { text: json.text(), csv: csv.text(), preview: writer.preview() };
}

async function renderDocument(build: (writer: ReportDocumentWriter) => Promise<void>): Promise<string> {
  return (await renderReport(build)).text;
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

const sampleRowCounts = {
  emails: { all: 7, empty: 0, more: 2 },
  "no-tables": {},
  'we"ird key': { "only-empty": 0 },
};

describe("the preview collected at generation", () => {
  it("is the document itself, with every row counted, when no table is cut", async () => {
    const { text, preview } = await renderReport(buildSample, 1000);
    expect(preview.document).toEqual(JSON.parse(text));
    expect(preview.rowCounts).toEqual(sampleRowCounts);
    expect(preview.dailyCounts).toEqual(countRowsByDay(JSON.parse(text)));
    expect(preview.rowsPerTable).toBe(1000);
  });

  it("keeps each table's first rows, counts them all, and agrees with the preview read from the stored JSON", async () => {
    const { text, preview } = await renderReport(buildSample, 3);
    const full = JSON.parse(text);
    expect(preview.document.sections.emails?.tables.all).toEqual(full.sections.emails.tables.all.slice(0, 3));
    expect(preview.document.sections.emails?.tables.more).toHaveLength(2);
    expect(preview.rowCounts).toEqual(sampleRowCounts);
    // Days of the rows that were only counted, too.
    expect(preview.dailyCounts.emails?.all).toEqual({ "2026-01-01": 3, "2026-01-02": 2, "2026-01-03": 2 });
    expect(preview).toEqual(await readReportPreview(streamOf(text, 64), { maxRowsPerTable: 3 }));
  });

  it("keeps the first hundred rows of a table by default, however many it has, and the charts' tables whole", async () => {
    const { preview } = await renderReport(async (writer) => {
      await writer.writeManifest([]);
      await writer.startSection("emails", { title: "Emails", description: "", criteria: [], summary: {} });
      await writer.writeTable("all", emails(250));
      await writer.endSection();
      await writer.startSection("user_access", { title: "Access", description: "", criteria: [], summary: {} });
      await writer.writeTable("sign_ins_by_user", emails(250));
      await writer.endSection();
    });
    expect(preview.rowsPerTable).toBe(100);
    expect(preview.document.sections.emails?.tables.all).toHaveLength(100);
    expect(preview.document.sections.emails?.tables.all?.[99]?.id).toBe("e99");
    // A table the charts are drawn from is kept whole: a chart counts every account.
    expect(preview.document.sections.user_access?.tables.sign_ins_by_user).toHaveLength(250);
    expect(preview.rowCounts).toEqual({ emails: { all: 250 }, user_access: { sign_ins_by_user: 250 } });
  });

  it("cannot be read before the document is finished", async () => {
    const writer = new ReportDocumentWriter({
      artifacts: createReportArtifacts({ json: memoryWriter().writer, csv: memoryWriter().writer }, columns),
      csvColumns: columns,
      onProgress: async () => {},
      checkpoint: () => {},
    });
    await writer.begin({ id: "r1" });
    expect(() => writer.preview()).toThrow(/before finish/);
  });
});

describe("rows the database rendered as JSON text", () => {
  /** The sample's tables as batches of JSON texts, as a SQLite population reads them. */
  async function* rendered(rows: ReportRow[], batchRows: number) {
    for (let start = 0; start < rows.length; start += batchRows) {
      yield { rowJson: rows.slice(start, start + batchRows).map((row) => JSON.stringify(row)) };
    }
  }

  /** One section holding what `build` writes, previewing two rows a table. */
  const renderBoth = (build: (writer: ReportDocumentWriter) => Promise<void>) =>
    renderReport(async (writer) => {
      await writer.writeManifest([]);
      await writer.startSection("emails", { title: "Emails", description: "", criteria: [], summary: {} });
      await build(writer);
      await writer.endSection();
    }, 2);

  it("give the same document, CSV and preview (first rows, every row's day) as the row objects", async () => {
    const rows = emails(11);
    const fromObjects = await renderBoth(async (writer) => {
      await writer.writeTable("all", rows);
    });
    const fromText = await renderBoth(async (writer) => {
      await writer.writeTable("all", rendered(rows, 4));
    });
    expect(fromText).toEqual(fromObjects);
    expect(fromText.preview.dailyCounts.emails?.all).toEqual({ "2026-01-01": 4, "2026-01-02": 4, "2026-01-03": 3 });
    expect(fromText.preview.document.sections.emails?.tables.all).toEqual(rows.slice(0, 2));
  });

  it("count the days of rows whose time is not their first field", async () => {
    const rows = emails(5).map(({ occurred_at, ...rest }) => ({ ...rest, occurred_at: occurred_at! }));
    const { preview } = await renderBoth(async (writer) => {
      await writer.writeTable("all", rendered(rows, 2));
    });
    expect(preview.dailyCounts.emails?.all).toEqual({ "2026-01-01": 2, "2026-01-02": 2, "2026-01-03": 1 });
  });

  it("are refused when they hold a field that is not a CSV column", async () => {
    await expect(
      renderBoth(async (writer) => {
        await writer.writeTable("all", rendered([{ ...emails(1)[0]!, surprise: 1 }], 2));
      }),
    ).rejects.toThrow(/"surprise" that is not a CSV column/);
  });
});

async function* streamOf(text: string, chunkSize: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  // Chunk edges fall anywhere, including inside multi-byte characters.
  for (let offset = 0; offset < bytes.length; offset += chunkSize) yield bytes.slice(offset, offset + chunkSize);
}

describe("readReportPreview (reports stored before previews were)", () => {
  it("reads the writer's document exactly as JSON.parse does when nothing is cut", async () => {
    const text = await renderDocument(buildSample);
    for (const chunkSize of [1, 7, 64, 100_000]) {
      const result = await readReportPreview(streamOf(text, chunkSize), { maxRowsPerTable: Infinity });
      expect(result.document).toEqual(JSON.parse(text));
      expect(result.rowCounts).toEqual(sampleRowCounts);
    }
  });

  it("keeps only the first rows of each table but counts them all", async () => {
    const text = await renderDocument(buildSample);
    const full = JSON.parse(text);
    const result = await readReportPreview(streamOf(text, 50), { maxRowsPerTable: 3 });
    expect(result.document.sections.emails?.tables.all).toEqual(full.sections.emails.tables.all.slice(0, 3));
    expect(result.document.sections.emails?.tables.more).toHaveLength(2);
    expect(result.rowCounts.emails).toEqual({ all: 7, empty: 0, more: 2 });
    // Days of the rows that were only counted agree with parsing every row.
    expect(result.dailyCounts).toEqual(countRowsByDay(full));
    expect(result.dailyCounts.emails?.all).toEqual({ "2026-01-01": 3, "2026-01-02": 2, "2026-01-03": 2 });
    expect(result.document.sections.emails?.summary).toEqual({ total: 7, byDirection: { inbound: 3, outbound: 4 } });
    expect(result.document.manifest).toEqual(full.manifest);
  });

  it("reads a document with an empty manifest and no sections", async () => {
    const text = await renderDocument(async (writer) => writer.writeManifest([]));
    const result = await readReportPreview(streamOf(text, 5), { maxRowsPerTable: 1 });
    expect(result.document).toEqual(JSON.parse(text));
  });

  it("refuses a layout it does not know instead of showing a partial report", async () => {
    const pretty = JSON.stringify({ report: {}, manifest: [], sections: {} }, null, 2);
    await expect(readReportPreview(streamOf(pretty, 10), { maxRowsPerTable: 1 })).rejects.toThrow(ReportLayoutError);
    const text = await renderDocument(buildSample);
    const truncated = text.slice(0, Math.floor(text.length * 0.6));
    await expect(readReportPreview(streamOf(truncated, 10), { maxRowsPerTable: 1 })).rejects.toThrow(
      /ended early|Unexpected/,
    );
  });
});
