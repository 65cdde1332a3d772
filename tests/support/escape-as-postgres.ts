// What PostgreSQL's COPY text output writes for a value (its
// CopyAttributeOutText): the tests' reference for lines of COPY text.
const named: Record<string, string> = {
  "\\": "\\\\",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
};

/** A value as COPY text writes it: NULL as \N, other control characters left raw. */
export function escapeAsPostgres(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/[\\\b\f\n\r\t\v]/g, (char) => named[char]!);
}
