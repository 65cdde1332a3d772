// The CSV row transcoder writes, straight from a row's JSON text, exactly the
// bytes the row encoder writes for JSON.parse of that text, and throws what
// it throws: for the rows the document writer writes (hostile cells, every
// kind of value, fields missing or out of order) and for text it would never
// write (spaces, escapes, repeated or unknown fields, invalid UTF-8 or JSON).
import { describe, expect, it } from "vitest";
import { createCsvRowEncoder } from "@/lib/compliance/csv/create-csv-row-encoder";
import { createCsvRowTranscoder } from "@/lib/compliance/csv/create-csv-row-transcoder";
import { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import type { JsonValue, ReportRow } from "@/lib/compliance/reports/report-definition";

const columns = ["id", "note", "count", "flag", "meta", "at"];

type Outcome = { bytes: string } | { error: string };

function viaEncoder(line: Buffer, tableColumns: readonly string[]): Outcome {
  try {
    const encoder = createCsvRowEncoder(tableColumns, "s.t");
    return { bytes: Buffer.from(encoder.encode(JSON.parse(line.toString("utf8")) as ReportRow)).toString("hex") };
  } catch (error) {
    return { error: String(error) };
  }
}

/** The line in the middle of other bytes, as the scanner hands rows over inside a chunk. */
function viaTranscoder(line: Buffer, tableColumns: readonly string[]): Outcome {
  const padded = Buffer.concat([Buffer.from('{"x":"before"},\n'), line, Buffer.from(',\n{"y":"after"}')]);
  const start = 16;
  const out = new GrowableBytes(8);
  out.writeUtf8("prefix");
  try {
    createCsvRowTranscoder(tableColumns, "s.t").write(padded, start, start + line.length, out);
    return { bytes: out.bytes.subarray(6, out.length).toString("hex") };
  } catch (error) {
    return { error: String(error) };
  }
}

function expectSame(line: Buffer | string, tableColumns: readonly string[] = columns) {
  const bytes = typeof line === "string" ? Buffer.from(line, "utf8") : line;
  expect(viaTranscoder(bytes, tableColumns), bytes.toString("utf8")).toEqual(viaEncoder(bytes, tableColumns));
}

/** A small deterministic generator (the test must fail the same way every run). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const pieces = [
  "a",
  "Z",
  "7",
  " ",
  ",",
  '"',
  "\\",
  "\n",
  "\r",
  "\t",
  "=",
  "+",
  "-",
  "@",
  "'",
  "\ufeff",
  "é",
  "ü",
  "🎉",
  "\u2028",
  "\u0001",
  "\ud800",
  "/",
  "{",
  "}",
  "[",
  ":",
];
const numbers = [0, -0, 1, -1, 42, 123456789012345, 1234567890123456, 2 ** 53 + 2, 0.1, -2.5, 1e21, 1e-7, 3.14159, NaN];

function randomKey(next: () => number): string {
  let key = "";
  const length = Math.floor(next() * 4);
  for (let index = 0; index < length; index++) key += pieces[Math.floor(next() * pieces.length)];
  return key;
}

function randomValue(next: () => number, depth = 0): JsonValue {
  const kind = Math.floor(next() * (depth > 1 ? 4 : 6));
  if (kind === 0) {
    let text = "";
    const length = Math.floor(next() * 8);
    for (let index = 0; index < length; index++) text += pieces[Math.floor(next() * pieces.length)];
    return text;
  }
  if (kind === 1) return numbers[Math.floor(next() * numbers.length)]!;
  if (kind === 2) return next() < 0.5;
  if (kind === 3) return null;
  if (kind === 4) return next() < 0.2 ? [] : [randomValue(next, depth + 1), randomValue(next, depth + 1)];
  const value: Record<string, JsonValue> = {
    b: randomValue(next, depth + 1),
    [randomKey(next)]: randomValue(next, depth + 1),
  };
  // An integer-like key, which JSON.parse moves first.
  if (next() < 0.2) value["1"] = 2;
  return value;
}

describe("createCsvRowTranscoder", () => {
  it("writes what the encoder writes for thousands of rows of every kind of value, fields missing or reordered", () => {
    const next = random(15);
    for (let round = 0; round < 4000; round++) {
      const row: Record<string, JsonValue> = {};
      const order = [...columns].sort(() => next() - 0.5);
      for (const column of next() < 0.7 ? columns : order) {
        if (next() < 0.15) continue;
        row[column] = randomValue(next);
      }
      expectSame(JSON.stringify(row));
    }
  });

  it.each([
    '{"id":"=1+1","note":"+SUM(A1)","count":-3,"flag":"-2+3","meta":"@cmd"}',
    '{"id":"\\tTAB","note":"\\rCR","meta":"=HYPERLINK(\\"x\\")\\nsecond"}',
    '{"id":" lead","note":"trail ","count":"a, b","flag":"\ufeffbom","meta":"in\ufeffside"}',
    '{"id":"","note":"-","count":0,"flag":false,"meta":null,"at":true}',
    '{"meta":{"nested":["=1",{"x":null}]},"at":[1,"two",[3]]}',
    "{}",
  ])("writes the hostile or plain row %s as the encoder does", (line) => expectSame(line));

  it.each([
    ['{ "id": "a" }', "spaces"],
    ['{"\\u0069d":"escaped key"}', "an escaped key"],
    ['{"id":"a","id":"b"}', "a repeated field"],
    ['{"id":null,"id":"b"}', "a repeated field after null"],
    ['{"id":"a","other":1}', "an unknown field"],
    ['{"id":"a",}', "invalid JSON"],
    ['{"id":"a"', "a row cut short"],
    ['{"id":"raw\ttab"}', "a raw control character"],
    ['{"count":1.0,"flag":1E2,"meta":-0,"at":1e400}', "numbers not in their own form"],
    ['{"count":01}', "a leading zero"],
    ['{"meta":{ "b" : 1.50 , "b":2 },"at":[ ]}', "a nested value with spaces and a repeated key"],
    ['{"id":"a"}x', "text after the row"],
    ['{"id":nul}', "a misspelt null"],
    ['{"id":"\\q"}', "an invalid escape"],
    ['{"meta":{"a":1,"a":2}}', "a nested repeated key"],
    ['{"meta":{"2":1,"1":2,"b":[]}}', "nested integer-like keys"],
    ['{"meta":[1.50,-0,1e2]}', "nested numbers not in their own form"],
    ['{"meta":{"a":"x\ufeff","é":"ü, v"},"at":[]}', "nested BOM, commas and non-ASCII"],
    ['{"meta":{},"at":[[],{}]}', "empty nested values"],
    [`{"meta":${"[".repeat(20)}1${"]".repeat(20)}}`, "deep nesting"],
    ['{"meta":[1,]}', "a nested trailing comma"],
    ['{"meta":{"a"}}', "a nested key without a value"],
    ['{"meta":{"a":1}', "a nested value cut short"],
    ['{"meta":{"a":[1,{"b":"c"}]}}x', "text after a nested value"],
  ])("handles %s (%s) as JSON.parse and the encoder do", (line) => expectSame(line));

  it("replaces invalid UTF-8 as decoding the whole row does", () => {
    const invalid = Buffer.concat([
      Buffer.from('{"id":"a'),
      Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    expectSame(invalid);
  });

  it("matches fields whose names need escapes in JSON as JSON.parse does", () => {
    const odd = ["x\\", 'a"b', "t\tab", "plain"];
    expectSame(JSON.stringify({ "x\\": 1, 'a"b': "v", "t\tab": true, plain: "p" }), odd);
    // The bytes of a name with a backslash, followed by a quote: a different name once decoded.
    expectSame('{"x\\"":1}', odd);
    expectSame('{"x\\":1,"plain":2}', odd);
  });

  it("writes a table without columns and its empty rows as the encoder does (no line at all)", () => {
    expectSame("{}", []);
    expectSame('{"id":1}', []);
  });

  it("copies long values whole, past the byte-by-byte threshold", () => {
    expectSame(
      JSON.stringify({ id: "x".repeat(100_000), note: `=${"y".repeat(500)}`, meta: { long: "z".repeat(300) } }),
    );
  });

  it("writes a table's rows one after another, each from a buffer of its own, while its output moves to new memory", () => {
    // One transcoder and one output for the whole table, as the package uses them: the output
    // grows and is handed over in pieces, and every row arrives in another chunk.
    const next = random(7);
    const transcoder = createCsvRowTranscoder(columns, "s.t");
    const encoder = createCsvRowEncoder(columns, "s.t");
    const out = new GrowableBytes(16);
    const written: Buffer[] = [];
    let expected = "";
    for (let round = 0; round < 2000; round++) {
      const row: Record<string, JsonValue> = {};
      for (const column of columns) if (next() < 0.85) row[column] = randomValue(next);
      const line = Buffer.from(JSON.stringify(row), "utf8");
      const chunk = Buffer.concat([Buffer.from(" ".repeat(round % 7)), line, Buffer.from(",\n")]);
      transcoder.write(chunk, round % 7, (round % 7) + line.length, out);
      expected += encoder.encode(JSON.parse(line.toString("utf8")) as ReportRow);
      if (next() < 0.3) written.push(Buffer.from(out.take()));
    }
    written.push(Buffer.from(out.take()));
    expect(Buffer.concat(written).toString("hex")).toBe(Buffer.from(expected, "utf8").toString("hex"));
  });
});
