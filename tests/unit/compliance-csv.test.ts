// CSV encoding of report rows, the streaming document writer (with in-memory
// artifact sinks), and the download filename.
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { ArtifactTotals } from "@/lib/compliance/artifacts/artifact-writer";
import { buildContentDisposition } from "@/lib/compliance/requests/build-content-disposition";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import { createCsvTableEncoder, encodeCsvHeader } from "@/lib/compliance/csv/create-csv-table-encoder";
import { formulaPattern } from "@/lib/compliance/csv/encode-csv-cell";
import type { JsonValue, ReportRow } from "@/lib/compliance/reports/report-definition";
import { ReportDocumentWriter } from "@/lib/compliance/artifacts/report-document-writer";

const columns = ["id", "value", "nested"] as const;

/** A table's rows as CSV lines with CRLF, as the document writer sends them. */
function encodeRows(section: string, table: string, tableColumns: readonly string[], rows: readonly ReportRow[]) {
  const encoder = createCsvTableEncoder(tableColumns, section, table);
  return rows.map((row) => `${encoder.encode(row)}\r\n`).join("");
}

/** What Papa.unparse writes for the same rows: every column looked up, nested values as JSON text. */
function unparseRows(section: string, table: string, tableColumns: readonly string[], rows: readonly ReportRow[]) {
  const lines = rows.map((row) => [
    section,
    table,
    ...tableColumns.map((column) => {
      const value = row[column];
      return value !== null && typeof value === "object" ? JSON.stringify(value) : (value ?? null);
    }),
  ]);
  return `${Papa.unparse(lines, { header: false, newline: "\r\n", escapeFormulae: formulaPattern })}\r\n`;
}

describe("createCsvTableEncoder", () => {
  it("writes RFC 4180 lines with CRLF, quoting only what needs it", () => {
    const text =
      encodeCsvHeader(columns) +
      encodeRows("s", "t", columns, [
        { id: "1", value: 'say "hi", then\nleave', nested: null },
        { id: "2", value: 3.5, nested: true },
      ]);
    expect(text).toBe('section,table,id,value,nested\r\ns,t,1,"say ""hi"", then\nleave",\r\ns,t,2,3.5,true\r\n');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")\nline two', "-"])(
    "neutralises the formula-like cell %j",
    (value) => {
      const parsed = Papa.parse<string[]>(encodeRows("s", "t", columns, [{ id: "1", value }]));
      expect(parsed.data[0]![3]).toBe(`'${value}`);
    },
  );

  it("leaves numbers, including negative ones, as numbers", () => {
    expect(encodeRows("s", "t", columns, [{ id: "1", value: -5 }])).toBe("s,t,1,-5,\r\n");
  });

  it("writes nested values as JSON text and missing values as empty cells", () => {
    const parsed = Papa.parse<string[]>(encodeRows("s", "t", columns, [{ id: "1", nested: { a: [1, "=x"] } }]));
    expect(parsed.data[0]).toEqual(["s", "t", "1", "", '{"a":[1,"=x"]}']);
  });

  it("puts each field in its own column when later rows bring fields the first lacked", () => {
    const wide = ["a", "b", "c", "d", "e"];
    const rows: ReportRow[] = [{ c: "3" }, { a: "1", e: "5" }, { e: "x", b: null }, { d: 4, c: "y" }, {}];
    expect(encodeRows("s", "t", wide, rows)).toBe(unparseRows("s", "t", wide, rows));
    expect(encodeRows("s", "t", wide, rows)).toBe("s,t,,,3,,\r\ns,t,1,,,,5\r\ns,t,,,,,x\r\ns,t,,,y,4,\r\ns,t,,,,,\r\n");
  });

  it("refuses a field that is not a column, naming the table", () => {
    const encoder = createCsvTableEncoder(columns, "s", "t");
    expect(() => encoder.encode({ id: "1", secret: "x" })).toThrow('Row of "s.t" has a field "secret"');
  });

  it("writes the same bytes as Papa.unparse for every kind of cell", () => {
    // Each awkward kind of value, then seeded random mixes of them.
    const awkward: JsonValue[] = [
      "",
      " ",
      " lead",
      "trail ",
      "a,b",
      'q"uote',
      '"',
      "line\nbreak",
      "cr\rhere",
      "\r\n",
      "\ufeffbom",
      "mid\ufeffbom",
      "=1+1",
      "+1",
      "-1",
      "@x",
      "\tx",
      "\rx",
      '=A1,"b"',
      "é ünïcode 🙂 \u2028",
      "j•••@example.com",
      0,
      -0.5,
      1e21,
      true,
      false,
      null,
      { a: [1, "=x"], "b\n": null },
      ["-1", ' "q" '],
      {},
    ];
    const wide = ["c0", "c1", "c2", "c3", "c4", "c5"];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const rows: ReportRow[] = awkward.map((value, index) => ({ c0: String(index), c3: value }));
    for (let index = 0; index < 2000; index++) {
      const row: ReportRow = {};
      for (const column of wide) if (random(3) > 0) row[column] = awkward[random(awkward.length)]!;
      rows.push(row);
    }
    expect(encodeRows("sec, 1", "=t", wide, rows)).toBe(unparseRows("sec, 1", "=t", wide, rows));
    expect(encodeCsvHeader(["a b", "c,d", " e"])).toBe(
      `${Papa.unparse([["section", "table", "a b", "c,d", " e"]], { header: false, newline: "\r\n" })}\r\n`,
    );
  });
});

class MemorySink {
  text = "";
  finished = false;
  async write(text: string) {
    this.text += text;
  }
  async writeBytes(bytes: Uint8Array) {
    this.text += Buffer.from(bytes).toString("utf8");
  }
  async finish(): Promise<ArtifactTotals> {
    this.finished = true;
    return { byteSize: Buffer.byteLength(this.text), sha256: "", chunkCount: 1 };
  }
  aborted = false;
  async abort() {
    this.aborted = true;
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
    // A streamed table arrives in batches, as a population does.
    async function* rows() {
      yield [0, 1, 2].map((index) => ({ id: `r${index}`, value: index }));
      yield [];
      yield [3, 4].map((index) => ({ id: `r${index}`, value: index }));
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

  it("renders from the rows' JSON the CSV the table encoder writes for the row objects", async () => {
    const awkward: JsonValue[] = [
      "plain",
      "=cmd|' /C calc'!A0",
      'say "hi", then\r\nleave',
      " padded ",
      "",
      -1.5,
      0,
      true,
      null,
      Number.NaN,
      { nested: ["=x", "a,b"] },
      [],
    ];
    const rows: ReportRow[] = awkward.map((value, index) => ({
      id: `r${index}`,
      ...(index % 3 === 0 ? { nested: value } : { value }),
      ...(index % 4 === 0 ? { value: undefined as unknown as JsonValue } : {}),
    }));
    const { writer, csv } = writerWith({ batchRows: 5 });
    await writer.begin({ id: "r1" });
    await writer.writeManifest([]);
    await writer.startSection("s", { title: "", description: "", criteria: [], summary: {} });
    await writer.writeTable("t", rows);
    await writer.writeTable("u", rows.slice(0, 2));
    await writer.endSection();
    await writer.finish();
    expect(csv.text).toBe(
      encodeCsvHeader(columns) + encodeRows("s", "t", columns, rows) + encodeRows("s", "u", columns, rows.slice(0, 2)),
    );
    expect(Papa.parse(csv.text, { skipEmptyLines: true }).data).toHaveLength(1 + rows.length + 2);
  });

  it("transcodes any rows' JSON into the bytes the table encoder writes for them, in any batching", async () => {
    const text = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "binary" }),
      fc.constantFrom("=1+1", "+x", "-y", "@z", " lead", "trail ", "a,b", 'q"q', "\ufeffbom", "line\r\nbreak", "tab\t"),
    );
    const value: fc.Arbitrary<JsonValue> = fc.oneof(
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string(), fc.oneof(text, fc.integer(), fc.constant(null)), { maxKeys: 3 }),
      fc.array(fc.oneof(text, fc.integer()), { maxLength: 3 }),
    );
    const row = fc.record({ id: fc.string(), value, nested: value }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (rows, batchRows) => {
        const { writer, csv } = writerWith({ batchRows });
        await writer.begin({});
        await writer.writeManifest([]);
        await writer.startSection("s,1", { title: "", description: "", criteria: [], summary: {} });
        await writer.writeTable("=t", rows);
        await writer.endSection();
        await writer.finish();
        // JSON.stringify drops undefined fields, as the writer's JSON does.
        const parsed = rows.map((one) => JSON.parse(JSON.stringify(one)) as ReportRow);
        expect(csv.text).toBe(encodeCsvHeader(columns) + encodeRows("s,1", "=t", columns, parsed));
      }),
      { numRuns: 300 },
    );
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
