// Rows of `COPY (…) TO STDOUT` in PostgreSQL's text format, parsed as the
// bytes arrive. For the report populations: node-postgres's row protocol
// decodes every field on its own and type-parses it (a Date per timestamp,
// JSON.parse per jsonb), which costs several times the CPU of this parser over
// the same rows (docs/benchmarks.md, COPY text parser).
//
// Format: one line per row ending in "\n", fields separated by "\t", NULL
// written as "\N", and within a field a backslash escapes what follows
// (\b \f \n \r \t \v, octal \ooo, hex \xhh, or the character itself).

/** A row's fields as the server's text form of each value; null for SQL NULL. */
export type CopyTextRow = (string | null)[];

const NEWLINE = 0x0a;

/**
 * Parses a COPY text stream (UTF-8) into batches of rows: one batch per
 * incoming piece that completes at least one line, so memory holds one piece
 * and a partial line, never the whole result.
 */
export async function* readCopyTextRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<CopyTextRow[]> {
  for await (const lines of readCopyTextLines(source)) {
    const rows: CopyTextRow[] = new Array(lines.length);
    for (let index = 0; index < lines.length; index++) rows[index] = parseCopyTextLine(lines[index]!);
    yield rows;
  }
}

/** The same stream as batches of lines, each still in COPY's text form (without its newline). */
export async function* readCopyTextLines(source: AsyncIterable<Uint8Array>): AsyncGenerator<string[]> {
  // The pieces of a line not yet complete. Only each new piece is searched for
  // a line end, and they are joined once it comes: a row longer than many
  // pieces (an email body of a megabyte) is copied once, not once per piece.
  let pending: Buffer[] = [];
  for await (const piece of source) {
    const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    // Complete lines only: a multi-byte character or a row may span pieces.
    const end = bytes.lastIndexOf(NEWLINE);
    if (end < 0) {
      pending.push(bytes);
      continue;
    }
    const complete = pending.length > 0 ? Buffer.concat([...pending, bytes.subarray(0, end)]) : bytes.subarray(0, end);
    pending = end + 1 < bytes.length ? [Buffer.from(bytes.subarray(end + 1))] : [];
    // One decode per piece, then string splits: far cheaper than per field.
    yield complete.toString("utf8").split("\n");
  }
  if (pending.some((piece) => piece.length > 0)) throw new Error("COPY output ended in the middle of a row");
}

/** One line's fields, unescaped. */
export function parseCopyTextLine(line: string): CopyTextRow {
  const fields: CopyTextRow = line.split("\t");
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    if (field === "\\N") fields[index] = null;
    else if (field.includes("\\")) fields[index] = unescapeCopyText(field);
  }
  return fields;
}

const namedEscapes: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** A field's value from its COPY text (backslash escapes resolved). */
export function unescapeCopyText(field: string): string {
  let at = field.indexOf("\\");
  if (at === -1) return field;
  // Slices between escapes, not a regular expression with a callback per
  // escape: email bodies carry one escape a line (docs/benchmarks.md).
  let value = "";
  let from = 0;
  while (at !== -1 && at + 1 < field.length) {
    value += field.slice(from, at);
    const code = field.charCodeAt(at + 1);
    let next = at + 2;
    if (isOctalDigit(code)) {
      // \ooo: one to three octal digits.
      let charCode = code - 0x30;
      while (next < at + 4 && next < field.length && isOctalDigit(field.charCodeAt(next))) {
        charCode = charCode * 8 + field.charCodeAt(next) - 0x30;
        next += 1;
      }
      value += String.fromCharCode(charCode);
    } else if (code === 0x78 && next < field.length && hexValue(field.charCodeAt(next)) >= 0) {
      // \xh or \xhh; an x without a hex digit after it is itself.
      let charCode = hexValue(field.charCodeAt(next));
      next += 1;
      if (next < field.length && hexValue(field.charCodeAt(next)) >= 0) {
        charCode = charCode * 16 + hexValue(field.charCodeAt(next));
        next += 1;
      }
      value += String.fromCharCode(charCode);
    } else {
      const escaped = field[at + 1]!;
      value += namedEscapes[escaped] ?? escaped;
    }
    from = next;
    at = field.indexOf("\\", from);
  }
  // A backslash that ends the field has nothing to escape and stays.
  return value + field.slice(from);
}

function isOctalDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x37;
}

/** A hex digit's value, or -1. */
function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
