// One table's CSV lines written straight from its rows' JSON text (the row
// lines of a stored report.json) into bytes, without making each row an
// object and each line a string: the evidence package renders every table
// this way (docs/benchmarks.md, evidence package). The bytes are exactly what
// createCsvRowEncoder writes for JSON.parse of the same text. A row as the
// document writer writes it (JSON.stringify: no spaces, only known fields,
// each once) is copied field by field; a value that cannot be copied as it
// stands (a string with an escape, a number whose text is not its own
// String(), a nested value) is parsed alone and encoded; anything else about
// a row (spaces, an unknown or repeated field, invalid UTF-8, invalid JSON)
// sends the whole row through JSON.parse and the encoder, which also throw
// what they throw for it.
import { isUtf8 } from "node:buffer";
import { createCsvRowEncoder } from "@/lib/compliance/csv/create-csv-row-encoder";
import { encodeCsvCell } from "@/lib/compliance/csv/encode-csv-cell";
import type { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import type { JsonValue, ReportRow } from "@/lib/compliance/reports/report-definition";

export type CsvRowTranscoder = {
  /** The header line, with its CRLF. */
  header: string;
  /** Appends the line (with its CRLF) of the row whose JSON text is `bytes[start, end)`. */
  write(bytes: Buffer, start: number, end: number, out: GrowableBytes): void;
};

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const colon = 0x3a;
const space = 0x20;
const apostrophe = 0x27;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const openBracket = 0x5b;
const closeBracket = 0x5d;

/** Where a column's value is, for the row being written. */
const absent = 0;
const copiedString = 1;
const copiedLiteral = 2;
const encodedText = 3;
const emptyCell = 4;
const copiedNested = 5;

const nullText = Buffer.from("null");
const trueText = Buffer.from("true");
const falseText = Buffer.from("false");

const needsQuotes = 1;
const isFormula = 2;

/** Spans shorter than this are copied byte by byte (cheaper than a native call). */
const nativeCopyFrom = 64;

/** What a byte inside a JSON string means to the copy: one table look-up instead of five comparisons. */
const plainByte = 0;
const quoteByte = 1;
const backslashByte = 2;
const controlByte = 3;
const commaByte = 4;
const highByte = 5;
const stringByteKinds = Uint8Array.from({ length: 256 }, (_, byte) =>
  byte === quote
    ? quoteByte
    : byte === backslash
      ? backslashByte
      : byte < space
        ? controlByte
        : byte === comma
          ? commaByte
          : byte >= 0x80
            ? highByte
            : plainByte,
);

/** `-?(0|[1-9][0-9]{0,14})` but not `-0`: an integer whose String() is its own text. */
function isPlainInteger(bytes: Buffer, start: number, end: number): boolean {
  let at = start;
  if (bytes[at] === 0x2d) at += 1;
  const digits = end - at;
  if (digits < 1 || digits > 15) return false;
  if (bytes[at] === 0x30) return digits === 1 && at === start;
  for (; at < end; at++) {
    const byte = bytes[at]!;
    if (byte < 0x30 || byte > 0x39) return false;
  }
  return true;
}

function hasBom(bytes: Buffer, start: number, end: number): boolean {
  for (let at = start; at + 2 < end; at++) {
    if (bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf) return true;
  }
  return false;
}

/** What readCanonicalValue saw in the value it read. */
const seen = { hasHighBytes: false, hasQuoteOrComma: false };
/** Keys of the objects being read, outermost first, as [start, end) pairs (repeats are looked for within one object). */
const keySpans: number[] = [];
const maxNesting = 16;
const maxKeysPerObject = 32;

function isDigits(bytes: Buffer, start: number, end: number): boolean {
  if (start === end) return false;
  for (let at = start; at < end; at++) if (bytes[at]! < 0x30 || bytes[at]! > 0x39) return false;
  return true;
}

function isSameText(bytes: Buffer, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let index = 0; index < end - start; index++)
    if (bytes[start + index] !== bytes[otherStart + index]) return false;
  return true;
}

/** A string without escapes at `bytes[at]` (its opening quote): where it ends, or -1. */
function readPlainString(bytes: Buffer, at: number, end: number): number {
  seen.hasQuoteOrComma = true;
  for (at += 1; at < end; at++) {
    const byte = bytes[at]!;
    if (byte === quote) return at + 1;
    if (byte === backslash || byte < space) return -1;
    if (byte >= 0x80) seen.hasHighBytes = true;
  }
  return -1;
}

/**
 * Reads the JSON value at `bytes[at]` if it is certainly what JSON.stringify
 * writes for its own JSON.parse (no spaces, escapes or repeated keys, only
 * plain integers, no integer-like keys, which JSON.parse would reorder), and
 * answers where it ends; -1 where that is not certain.
 */
function readCanonicalValue(bytes: Buffer, at: number, end: number, depth: number): number {
  if (at >= end) return -1;
  const first = bytes[at]!;
  if (first === quote) return readPlainString(bytes, at, end);
  if (first === openBrace || first === openBracket) {
    const isObject = first === openBrace;
    const close = isObject ? closeBrace : closeBracket;
    if (depth >= maxNesting) return -1;
    at += 1;
    if (bytes[at] === close && at < end) return at + 1;
    const keysFrom = keySpans.length;
    for (;;) {
      if (isObject) {
        if (bytes[at] !== quote) return -1;
        const keyEnd = readPlainString(bytes, at, end);
        if (keyEnd < 0 || isDigits(bytes, at + 1, keyEnd - 1)) return -1;
        for (let index = keysFrom; index < keySpans.length; index += 2) {
          if (isSameText(bytes, at + 1, keyEnd - 1, keySpans[index]!, keySpans[index + 1]!)) return -1;
        }
        if (keySpans.length - keysFrom >= maxKeysPerObject * 2) return -1;
        keySpans.push(at + 1, keyEnd - 1);
        at = keyEnd;
        if (at >= end || bytes[at] !== colon) return -1;
        at += 1;
      }
      at = readCanonicalValue(bytes, at, end, depth + 1);
      if (at < 0 || at >= end) return -1;
      if (bytes[at] === comma) {
        seen.hasQuoteOrComma = true;
        at += 1;
      } else if (bytes[at] === close) {
        keySpans.length = keysFrom;
        return at + 1;
      } else return -1;
    }
  }
  if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
    const start = at;
    for (at += 1; at < end; at++) {
      const byte = bytes[at]!;
      if (!(
        (byte >= 0x30 && byte <= 0x39) ||
        byte === 0x2e ||
        byte === 0x65 ||
        byte === 0x45 ||
        byte === 0x2b ||
        byte === 0x2d
      ))
        break;
    }
    return isPlainInteger(bytes, start, at) ? at : -1;
  }
  const literal = first === 0x6e ? nullText : first === 0x74 ? trueText : first === 0x66 ? falseText : null;
  if (!literal || at + literal.length > end) return -1;
  for (let index = 0; index < literal.length; index++) if (bytes[at + index] !== literal[index]) return -1;
  return at + literal.length;
}

/** A DataView of the buffer last asked about, made again only when another buffer is asked about. */
function createViewCache(): (buffer: Buffer) => DataView {
  let view: DataView = new DataView(new ArrayBuffer(0));
  let viewOf: Buffer | null = null;
  return (buffer) => {
    if (buffer !== viewOf) {
      view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      viewOf = buffer;
    }
    return view;
  };
}

export function createCsvRowTranscoder(columns: readonly string[], where: string): CsvRowTranscoder {
  const encoder = createCsvRowEncoder(columns, where);
  const keys = columns.map((column) => Buffer.from(column, "utf8"));
  // A name whose JSON text is itself (no quote, backslash or control character) can be matched without decoding.
  const isPlainKey = Uint8Array.from(columns, (column) => (/^[^"\\\u0000-\u001f]*$/.test(column) ? 1 : 0));
  const count = columns.length;
  const kinds = new Uint8Array(count);
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const flags = new Uint8Array(count);
  const texts: string[] = new Array<string>(count).fill("");
  // The column that followed last time where the column order did not (rows
  // that fill a few of many columns, such as the report CSV's union), by the
  // next column expected in order; -1 until seen.
  const learnedNext = new Int16Array(count + 1).fill(-1);

  const isKey = (column: number, bytes: Buffer, start: number, end: number) => {
    const key = keys[column]!;
    if (key.length !== end - start) return false;
    for (let index = 0; index < key.length; index++) if (key[index] !== bytes[start + index]) return false;
    return true;
  };

  // Each plain key with its closing quote, as 32-bit words (little-endian) and
  // the bytes after the last whole word: compared a word at a time.
  const keyTokens = keys.map((key) => Buffer.concat([key, Buffer.from([quote])]));
  const keyWords = keyTokens.map((token) =>
    Uint32Array.from({ length: token.length >> 2 }, (_, index) => token.readUInt32LE(index * 4)),
  );
  // Word access to the row's buffer and to the output's: a view is made once per buffer, not per field.
  const inputView = createViewCache();
  const outputView = createViewCache();

  /** Whether the key at `keyStart` is column `column`'s plain key, followed by its closing quote. */
  const matchesKeyAt = (column: number, bytes: Buffer, keyStart: number, end: number): boolean => {
    if (column < 0 || column >= count || isPlainKey[column] !== 1) return false;
    const token = keyTokens[column]!;
    if (keyStart + token.length > end) return false;
    const view = inputView(bytes);
    const words = keyWords[column]!;
    for (let index = 0; index < words.length; index++) {
      if (view.getUint32(keyStart + index * 4, true) !== words[index]) return false;
    }
    for (let index = words.length * 4; index < token.length; index++) {
      if (token[index] !== bytes[keyStart + index]) return false;
    }
    return true;
  };

  /** Parses one value's JSON text alone; undefined if it is not valid JSON (the whole row then decides). */
  const parseValue = (bytes: Buffer, start: number, end: number): JsonValue | undefined => {
    try {
      return JSON.parse(bytes.toString("utf8", start, end)) as JsonValue;
    } catch {
      return undefined;
    }
  };

  /** Reads the row's fields into the span tables; false where the whole row must be parsed. */
  const readFields = (bytes: Buffer, start: number, end: number): boolean => {
    kinds.fill(absent);
    if (end - start < 2 || bytes[start] !== openBrace || bytes[end - 1] !== closeBrace) return false;
    let at = start + 1;
    if (at === end - 1) return true;
    let expected = 0;
    for (;;) {
      if (bytes[at] !== quote) return false;
      const keyStart = ++at;
      // The writer's rows have their fields in column order: the next column's key, then its closing quote;
      // else the column that followed here before.
      let column = matchesKeyAt(expected, bytes, keyStart, end) ? expected : -1;
      if (column < 0 && matchesKeyAt(learnedNext[expected]!, bytes, keyStart, end)) column = learnedNext[expected]!;
      if (column >= 0) at = keyStart + keys[column]!.length + 1;
      else {
        while (at < end && bytes[at] !== quote) {
          if (bytes[at] === backslash || bytes[at]! < space) return false;
          at += 1;
        }
        if (at >= end) return false;
        const keyEnd = at++;
        for (let index = 0; column < 0 && index < count; index++) {
          if (isKey(index, bytes, keyStart, keyEnd)) column = index;
        }
        if (column >= 0) learnedNext[expected] = column;
      }
      if (column < 0 || kinds[column] !== absent) return false;
      expected = column + 1;
      if (bytes[at++] !== colon || at >= end) return false;

      const first = bytes[at]!;
      const valueStart = at;
      if (first === quote) {
        at += 1;
        let hasComma = false;
        let hasHighBytes = false;
        let hasEscape = false;
        for (;;) {
          if (at >= end) return false;
          const kind = stringByteKinds[bytes[at]!]!;
          if (kind === plainByte) {
            at += 1;
            continue;
          }
          if (kind === quoteByte) break;
          if (kind === backslashByte) {
            hasEscape = true;
            at += 2;
            continue;
          }
          if (kind === controlByte) return false;
          if (kind === commaByte) hasComma = true;
          else hasHighBytes = true;
          at += 1;
        }
        at += 1;
        if (hasEscape) {
          const value = parseValue(bytes, valueStart, at);
          if (value === undefined) return false;
          texts[column] = encodeCsvCell(value);
          kinds[column] = encodedText;
        } else {
          const contentStart = valueStart + 1;
          const contentEnd = at - 1;
          if (hasHighBytes && !isUtf8(bytes.subarray(contentStart, contentEnd))) return false;
          const lead = bytes[contentStart];
          let flag = 0;
          if (lead === 0x3d || lead === 0x2b || lead === 0x2d || lead === 0x40) flag = isFormula;
          else if (
            hasComma ||
            lead === space ||
            bytes[contentEnd - 1] === space ||
            (hasHighBytes && hasBom(bytes, contentStart, contentEnd))
          ) {
            flag = needsQuotes;
          }
          kinds[column] = copiedString;
          starts[column] = contentStart;
          ends[column] = contentEnd;
          flags[column] = flag;
        }
      } else if (first === 0x6e || first === 0x74 || first === 0x66) {
        const literal = first === 0x6e ? nullText : first === 0x74 ? trueText : falseText;
        if (at + literal.length > end) return false;
        for (let index = 0; index < literal.length; index++) if (bytes[at + index] !== literal[index]) return false;
        at += literal.length;
        kinds[column] = first === 0x6e ? emptyCell : copiedLiteral;
        starts[column] = valueStart;
        ends[column] = at;
      } else if (first === 0x2d || (first >= 0x30 && first <= 0x39)) {
        at += 1;
        while (at < end) {
          const byte = bytes[at]!;
          if (
            (byte >= 0x30 && byte <= 0x39) ||
            byte === 0x2e ||
            byte === 0x65 ||
            byte === 0x45 ||
            byte === 0x2b ||
            byte === 0x2d
          ) {
            at += 1;
          } else break;
        }
        if (isPlainInteger(bytes, valueStart, at)) {
          kinds[column] = copiedLiteral;
          starts[column] = valueStart;
          ends[column] = at;
        } else {
          const value = parseValue(bytes, valueStart, at);
          if (typeof value !== "number") return false;
          texts[column] = encodeCsvCell(value);
          kinds[column] = encodedText;
        }
      } else if (first === openBrace || first === openBracket) {
        seen.hasHighBytes = false;
        seen.hasQuoteOrComma = false;
        keySpans.length = 0;
        const canonicalEnd = readCanonicalValue(bytes, at, end, 0);
        if (canonicalEnd > 0 && (!seen.hasHighBytes || isUtf8(bytes.subarray(at, canonicalEnd)))) {
          // Its JSON text is its own JSON.stringify: copied, quoted as encodeCsvCell would.
          kinds[column] = copiedNested;
          starts[column] = at;
          ends[column] = canonicalEnd;
          // A BOM, like any text, is inside a string, whose quotes need quoting anyway.
          flags[column] = seen.hasQuoteOrComma ? needsQuotes : 0;
          at = canonicalEnd;
          const next = bytes[at];
          if (next === comma) {
            at += 1;
            continue;
          }
          return next === closeBrace && at === end - 1;
        }
        let depth = 0;
        let inString = false;
        for (;;) {
          if (at >= end) return false;
          const byte = bytes[at]!;
          if (inString) {
            if (byte === backslash) at += 1;
            else if (byte === quote) inString = false;
          } else if (byte === quote) inString = true;
          else if (byte === openBrace || byte === openBracket) depth += 1;
          else if (byte === closeBrace || byte === closeBracket) {
            depth -= 1;
            if (depth === 0) break;
          }
          at += 1;
        }
        at += 1;
        const value = parseValue(bytes, valueStart, at);
        if (value === undefined) return false;
        texts[column] = encodeCsvCell(value);
        kinds[column] = encodedText;
      } else return false;

      const next = bytes[at];
      if (next === comma) at += 1;
      else return next === closeBrace && at === end - 1;
    }
  };

  /**
   * Writes the row read into the span tables. One reservation covers every
   * copied field, its quotes and the separators (a copied value is never longer
   * than its JSON text, a quoted nested one at most twice as long); only a cell
   * encoded from a parsed value reserves again.
   */
  const writeFields = (bytes: Buffer, rowBytes: number, out: GrowableBytes) => {
    const rowBound = rowBytes * 2 + count * 4 + 2;
    out.reserve(rowBound);
    let target = out.bytes;
    let at = out.length;
    for (let column = 0; column < count; column++) {
      const kind = kinds[column];
      if (kind === copiedString || kind === copiedLiteral || (kind === copiedNested && flags[column] === 0)) {
        const start = starts[column]!;
        const end = ends[column]!;
        const flag = kind === copiedString ? flags[column] : 0;
        if (flag !== 0) target[at++] = quote;
        if (flag === isFormula) target[at++] = apostrophe;
        if (end - start >= nativeCopyFrom) at += bytes.copy(target, at, start, end);
        else {
          // A short span a word at a time.
          const view = inputView(bytes);
          const targetView = outputView(target);
          let index = start;
          for (; index + 4 <= end; index += 4, at += 4) targetView.setUint32(at, view.getUint32(index));
          for (; index < end; index++) target[at++] = bytes[index]!;
        }
        if (flag !== 0) target[at++] = quote;
      } else if (kind === copiedNested) {
        // Quoted, every quote doubled.
        target[at++] = quote;
        for (let index = starts[column]!; index < ends[column]!; index++) {
          const byte = bytes[index]!;
          target[at++] = byte;
          if (byte === quote) target[at++] = quote;
        }
        target[at++] = quote;
      } else if (kind === encodedText && texts[column]!.length > 0) {
        out.length = at;
        out.writeUtf8(texts[column]!);
        out.reserve(rowBound);
        target = out.bytes;
        at = out.length;
      }
      if (column < count - 1) target[at++] = comma;
      else {
        target[at++] = 0x0d;
        target[at++] = 0x0a;
      }
    }
    out.length = at;
  };

  return {
    header: encoder.header,
    write(bytes, start, end, out) {
      if (readFields(bytes, start, end)) writeFields(bytes, end - start, out);
      else out.writeUtf8(encoder.encode(JSON.parse(bytes.toString("utf8", start, end)) as ReportRow));
    },
  };
}
