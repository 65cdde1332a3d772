// CSV encoding of report rows, the streaming document writer (with in-memory
// artifact sinks), and the download filename.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { ArtifactTotals } from "@/lib/compliance/artifact-writer";
import { buildContentDisposition } from "@/lib/compliance/build-content-disposition";
import { createReportArtifacts } from "@/lib/compliance/create-report-artifacts";
import { csvHeaderLine, encodeCsvRows, encodeCsvRowsJson } from "@/lib/compliance/encode-csv-rows";
import type { ReportRow } from "@/lib/compliance/report-definition";
import { ReportDocumentWriter } from "@/lib/compliance/report-document-writer";

const columns = ["id", "value", "nested"] as const;

describe("encodeCsvRows", () => {
  it("writes RFC 4180 lines with CRLF, quoting only what needs it", () => {
    const text =
      csvHeaderLine(columns) +
      encodeCsvRows("s", "t", columns, [
        { id: "1", value: 'say "hi", then\nleave', nested: null },
        { id: "2", value: 3.5, nested: true },
      ]);
    expect(text).toBe('section,table,id,value,nested\r\ns,t,1,"say ""hi"", then\nleave",\r\ns,t,2,3.5,true\r\n');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")\nline two', "-"])(
    "neutralises the formula-like cell %j",
    (value) => {
      const parsed = Papa.parse<string[]>(encodeCsvRows("s", "t", columns, [{ id: "1", value }]));
      expect(parsed.data[0]![3]).toBe(`'${value}`);
    },
  );

  it("leaves numbers, including negative ones, as numbers", () => {
    expect(encodeCsvRows("s", "t", columns, [{ id: "1", value: -5 }])).toBe("s,t,1,-5,\r\n");
  });

  it("writes nested values as JSON text and missing values as empty cells", () => {
    const parsed = Papa.parse<string[]>(encodeCsvRows("s", "t", columns, [{ id: "1", nested: { a: [1, "=x"] } }]));
    expect(parsed.data[0]).toEqual(["s", "t", "1", "", '{"a":[1,"=x"]}']);
  });

  it("encodes the rows' JSON text exactly as the rows themselves", () => {
    const rows: ReportRow[] = [
      { id: "1", value: 'say "hi",\r\nthen =leave', nested: { a: [1, "=x"], "b\n": null } },
      { id: "2", value: -0.5, nested: null },
      { id: "é", value: "🙂\u2028", nested: [true, false] },
      { id: "4" },
    ];
    const rowsJson = rows.map((row) => JSON.stringify(row)).join(",\n");
    expect(encodeCsvRowsJson("s", "t", columns, rowsJson)).toBe(encodeCsvRows("s", "t", columns, rows));
    expect(encodeCsvRowsJson("s", "t", columns, "")).toBe("");
  });
});

class MemorySink {
  text = "";
  finished = false;
  async write(text: string) {
    this.text += text;
  }
  async finish(): Promise<ArtifactTotals> {
    this.finished = true;
    return { byteSize: Buffer.byteLength(this.text), sha256: "", chunkCount: 1 };
  }
}

function writerWith(options: { batchRows?: number; batchChars?: number; stopAfter?: number } = {}) {
  const json = new MemorySink();
  const csv = new MemorySink();
  let checkpoints = 0;
  const writer = new ReportDocumentWriter({
    artifacts: createReportArtifacts({ json, csv }, columns),
    csvColumns: columns,
    onProgress: async () => {},
    checkpoint: () => {
      checkpoints += 1;
      if (options.stopAfter !== undefined && checkpoints > options.stopAfter) throw new Error("stopped");
    },
    batchRows: options.batchRows ?? 2,
    batchChars: options.batchChars,
  });
  return { writer, json, csv };
}

describe("ReportDocumentWriter", () => {
  it("streams a valid JSON document and a CSV with one header and constant width", async () => {
    const { writer, json, csv } = writerWith();
    await writer.begin({ id: "r1", type: "soc2" });
    await writer.writeManifest([{ source: "events", filter: "all", rowCount: 5, first: null, last: null }]);
    await writer.startSection("one", { title: "One", description: "d", criteria: ["CC6.1"], summary: { n: 5 } });
    async function* rows() {
      for (let index = 0; index < 5; index++) yield { id: `r${index}`, value: index };
    }
    expect(await writer.writeTable("rows", rows())).toBe(5);
    expect(await writer.writeTable("empty", [])).toBe(0);
    await writer.endSection();
    await writer.startSection("two", { title: "Two", description: "", criteria: [], summary: {} });
    await writer.writeTable("more", [{ id: "x", nested: [1, 2] }]);
    await writer.endSection();
    await writer.finish();

    expect(JSON.parse(json.text)).toEqual({
      report: { id: "r1", type: "soc2" },
      manifest: [{ source: "events", filter: "all", rowCount: 5, first: null, last: null }],
      sections: {
        one: {
          title: "One",
          description: "d",
          criteria: ["CC6.1"],
          summary: { n: 5 },
          tables: { rows: [0, 1, 2, 3, 4].map((index) => ({ id: `r${index}`, value: index })), empty: [] },
        },
        two: {
          title: "Two",
          description: "",
          criteria: [],
          summary: {},
          tables: { more: [{ id: "x", nested: [1, 2] }] },
        },
      },
    });
    const parsed = Papa.parse<string[]>(csv.text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(1 + 5 + 1);
    expect(new Set(parsed.data.map((line) => line.length))).toEqual(new Set([5]));
    expect(json.finished && csv.finished).toBe(true);
  });

  it("refuses a row field that is not a CSV column", async () => {
    const { writer } = writerWith();
    await writer.begin({});
    await writer.writeManifest([]);
    await writer.startSection("s", { title: "", description: "", criteria: [], summary: {} });
    await expect(writer.writeTable("t", [{ id: "1", secret: "x" }])).rejects.toThrow(/"secret"/);
  });

  it("refuses a document without a manifest, out-of-order calls and duplicate names", async () => {
    const noManifest = writerWith().writer;
    await noManifest.begin({});
    await expect(noManifest.finish()).rejects.toThrow(/manifest/);
    await expect(
      noManifest.startSection("s", { title: "", description: "", criteria: [], summary: {} }),
    ).rejects.toThrow();

    const { writer } = writerWith();
    await writer.begin({});
    await writer.writeManifest([]);
    await writer.startSection("s", { title: "", description: "", criteria: [], summary: {} });
    await writer.writeTable("t", []);
    await expect(writer.writeTable("t", [])).rejects.toThrow(/twice/);
    await expect(writer.finish()).rejects.toThrow(/not ended/);
    await writer.endSection();
    await expect(writer.startSection("s", { title: "", description: "", criteria: [], summary: {} })).rejects.toThrow(
      /twice/,
    );
  });

  it("checks for a stop between batches", async () => {
    const { writer } = writerWith({ batchRows: 10, stopAfter: 2 });
    await writer.begin({});
    await writer.writeManifest([]);
    await writer.startSection("s", { title: "", description: "", criteria: [], summary: {} });
    const many = Array.from({ length: 100 }, (_, index) => ({ id: String(index) }));
    await expect(writer.writeTable("t", many)).rejects.toThrow("stopped");
  });

  it("cuts a batch of long rows at about batchChars, whatever batchRows allows", async () => {
    const { writer, json, csv } = writerWith({ batchRows: 1000, batchChars: 250, stopAfter: 3 });
    await writer.begin({});
    await writer.writeManifest([]);
    await writer.startSection("s", { title: "", description: "", criteria: [], summary: {} });
    const long = Array.from({ length: 10 }, (_, index) => ({ id: String(index), value: "x".repeat(100) }));
    // 100-character rows, 250 characters a batch: three rows a batch, so the fourth batch is stopped.
    await expect(writer.writeTable("t", long)).rejects.toThrow("stopped");
    expect(Papa.parse(csv.text, { skipEmptyLines: true }).data).toHaveLength(1 + 9);
    expect(json.text.match(/"x{100}"/g)).toHaveLength(9);
  });
});

describe("buildContentDisposition", () => {
  it("gives an ASCII filename and the UTF-8 title as filename*", () => {
    expect(buildContentDisposition("GDPR Export — Zoë's Bot", "csv")).toBe(
      `attachment; filename="GDPR-Export-Zoe-s-Bot.csv"; filename*=UTF-8''GDPR%20Export%20%E2%80%94%20Zo%C3%AB%27s%20Bot.csv`,
    );
  });

  it("strips quotes, slashes and control characters that could break the header or a path", () => {
    const header = buildContentDisposition('a"b\\c/d\r\ne\u0000f<>|', "json");
    expect(header).toBe(`attachment; filename="a-b-c-d-e-f.json"; filename*=UTF-8''a%20b%20c%20d%20e%20f.json`);
    expect(header).not.toMatch(/[\r\n\u0000]/);
  });

  it("falls back to a generic name when nothing printable is left", () => {
    expect(buildContentDisposition("—", "json")).toContain('filename="report.json"');
  });
});
