// The COPY text parser: every escape PostgreSQL writes comes back as the
// original character, NULL is told apart from the text "\N", and rows and
// multi-byte characters split anywhere across pieces reassemble exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCopyTextLine, readCopyTextRows, unescapeCopyText, type CopyTextRow } from "@/lib/db/read-copy-text-rows";
import { escapeAsPostgres } from "@/tests/support/escape-as-postgres";

async function parseAll(pieces: Uint8Array[]): Promise<CopyTextRow[][]> {
  const batches: CopyTextRow[][] = [];
  async function* source() {
    yield* pieces;
  }
  for await (const batch of readCopyTextRows(source())) batches.push(batch);
  return batches;
}

const awkwardRows: CopyTextRow[] = [
  ["plain", "", null, "tab\there", "two\nlines\r\nand CR"],
  ["back\\slash", "\\N", "\\", "ends with \\", "a\\tb literally"],
  ["émoji 🎉 and ü", '{"a": "x\\"y", "b": [1, 2]}', "\b\f\v", "  spaces  ", "="],
];

describe("readCopyTextRows", () => {
  it("reads back every value PostgreSQL escapes, NULL distinct from the text \\N", async () => {
    const text = awkwardRows.map((row) => row.map(escapeAsPostgres).join("\t")).join("\n") + "\n";
    const batches = await parseAll([Buffer.from(text, "utf8")]);
    expect(batches.flat()).toEqual(awkwardRows);
  });

  it("reassembles rows and multi-byte characters split at every byte", async () => {
    const text = awkwardRows.map((row) => row.map(escapeAsPostgres).join("\t")).join("\n") + "\n";
    const bytes = Buffer.from(text, "utf8");
    for (let cut = 1; cut < bytes.length; cut++) {
      const batches = await parseAll([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(batches.flat(), `cut at byte ${cut}`).toEqual(awkwardRows);
    }
  });

  it("reassembles rows spread over many pieces, one byte each", async () => {
    const text = awkwardRows.map((row) => row.map(escapeAsPostgres).join("\t")).join("\n") + "\n";
    const bytes = Buffer.from(text, "utf8");
    const pieces = Array.from(bytes, (byte) => Buffer.of(byte));
    expect((await parseAll(pieces)).flat()).toEqual(awkwardRows);
  });

  it("yields nothing for an empty result and fails on a truncated last row", async () => {
    expect(await parseAll([])).toEqual([]);
    await expect(parseAll([Buffer.from("a\tb\nc\t")])).rejects.toThrow(/middle of a row/);
  });

  it("decodes octal and hex escapes", () => {
    expect(parseCopyTextLine("\\101\\x42\\7\tz")).toEqual(["AB\u0007", "z"]);
  });
});

/** PostgreSQL's COPY text escapes as a regular expression: the definition the parser is held to. */
function unescapeByPattern(field: string): string {
  const named: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
  return field.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|([\s\S]))/g, (_match, octal, hex, other: string) => {
    if (octal !== undefined) return String.fromCharCode(parseInt(octal as string, 8));
    if (hex !== undefined) return String.fromCharCode(parseInt(hex as string, 16));
    return named[other] ?? other;
  });
}

describe("unescapeCopyText", () => {
  // Text dense in backslashes, escape letters, octal and hex digits, and other characters.
  const copyish = fc
    .array(
      fc.oneof(
        fc.constantFrom("\\", "x", "X", "n", "t", "r", "b", "f", "v", "0", "7", "8", "a", "F", "g"),
        fc.string(),
      ),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(""));

  it("reads any text as the escape pattern does, a backslash at the end included", () => {
    fc.assert(
      fc.property(copyish, (field) => {
        expect(unescapeCopyText(field)).toBe(unescapeByPattern(field));
      }),
      {
        numRuns: 2000,
      },
    );
  });

  it("gives back any value PostgreSQL escaped", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        expect(unescapeCopyText(escapeAsPostgres(value))).toBe(value);
      }),
    );
  });

  it("reads the escapes at a field's edges", () => {
    expect(unescapeCopyText("\\")).toBe("\\");
    expect(unescapeCopyText("a\\")).toBe("a\\");
    expect(unescapeCopyText("\\x")).toBe("x");
    expect(unescapeCopyText("\\x4g")).toBe("\u0004g");
    expect(unescapeCopyText("\\1234")).toBe("S4");
    expect(unescapeCopyText("\\n\\t\\\\")).toBe("\n\t\\");
  });
});
