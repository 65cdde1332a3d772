// `Content-Disposition: attachment` for a report download: an ASCII-only
// `filename` every client understands, and RFC 6266 / RFC 8187 `filename*`
// carrying the real (UTF-8) title for clients that read it.

/** UTF-16 units of the readable name; cut between graphemes, never inside one. */
const maxReadableLength = 150;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function buildContentDisposition(title: string, extension: string): string {
  const readable = truncateGraphemes(
    title
      // A lone surrogate (possible in JSON input) would make encodeURIComponent throw.
      .replace(loneSurrogate, "\uFFFD")
      .normalize("NFC")
      .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, " ")
      .replace(/\s+/g, " ")
      .trim(),
    maxReadableLength,
  ).trim();
  const ascii =
    readable
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^[-.]+|[-.]+$/g, "")
      .slice(0, 120) || "report";
  const utf8 = encodeRfc8187(`${readable || "report"}.${extension}`);
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${utf8}`;
}

/** The longest prefix of whole graphemes (emoji sequences, letters with their marks) within `max` UTF-16 units. */
function truncateGraphemes(value: string, max: number): string {
  if (value.length <= max) return value;
  let kept = "";
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(value)) {
    if (kept.length + segment.length > max) break;
    kept += segment;
  }
  return kept;
}

/** Percent-encodes everything outside RFC 8187's attr-char set. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
