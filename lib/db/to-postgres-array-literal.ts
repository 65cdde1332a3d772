// A column's values as one PostgreSQL array literal (`{"a","b",NULL}`), bound
// as the text of a `$n::text[]` (or other array) parameter. node-postgres
// writes the same text from a JS array by concatenating element after element;
// for a batch's columns that allocated about twelve times the literal's size,
// a fifth of what an ingest batch allocates (docs/benchmarks.md, ingest array
// literals). Elements are always quoted; only `"` and `\` are escaped, as
// node-postgres does.

const needsEscaping = /["\\]/;

export function toPostgresArrayLiteral(values: readonly (string | number | null)[]): string {
  const elements = new Array<string>(values.length);
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined) {
      elements[index] = "NULL";
      continue;
    }
    const text = String(value);
    elements[index] = needsEscaping.test(text) ? `"${text.replace(/["\\]/g, "\\$&")}"` : `"${text}"`;
  }
  return `{${elements.join(",")}}`;
}
