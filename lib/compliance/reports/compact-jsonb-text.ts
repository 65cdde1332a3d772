/**
 * PostgreSQL's text of a jsonb value without escapes (`{"a": 1, "b": [2]}`)
 * as JSON.stringify(JSON.parse(text)) writes it, or null where that is not
 * certain: a number that is not a plain integer JSON.stringify writes back as
 * it stands (a fraction, an exponent, -0, 16 digits or more), or a key that may
 * be integer-like, which JSON.parse moves to the front. jsonb writes one space
 * after each `:` and `,` outside strings and no other; dropping them is all
 * that is left to do.
 */
export function compactJsonbText(text: string): string | null {
  let compact = "";
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === quote) {
      const close = text.indexOf('"', at + 1);
      if (close < 0) return null;
      if (text.charCodeAt(close + 1) === colon && isDigit(text.charCodeAt(at + 1))) return null;
      at = close;
    } else if (code === space) {
      compact += text.slice(from, at);
      from = at + 1;
    } else if (code === minus || isDigit(code)) {
      let end = at + 1;
      while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
      const next = text.charCodeAt(end);
      if (next === dot || next === lowerE || next === upperE) return null;
      const digits = end - at - (code === minus ? 1 : 0);
      if (digits > 15 || (code === minus && text.charCodeAt(at + 1) === zero)) return null;
      at = end - 1;
    }
  }
  return from === 0 ? text : compact + text.slice(from);
}

const quote = 0x22;
const colon = 0x3a;
const space = 0x20;
const minus = 0x2d;
const dot = 0x2e;
const zero = 0x30;
const lowerE = 0x65;
const upperE = 0x45;

function isDigit(code: number): boolean {
  return code >= zero && code <= 0x39;
}
