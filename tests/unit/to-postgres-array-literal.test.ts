// Ingest binds each column as one array literal it writes itself
// (lib/db/to-postgres-array-literal.ts); it must be exactly the text
// node-postgres writes for the same JS array, whatever the values hold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toPostgresArrayLiteral } from "@/lib/db/to-postgres-array-literal";
// node-postgres's own conversion of a parameter (arrays through its arrayString).
import { prepareValue } from "pg/lib/utils";

const awkward = ['a"b', "back\\slash", '{x,"y"} NULL', "NULL", "", " spaced ", "é😀", "line\nbreak\ttab", '\\"'];

describe("toPostgresArrayLiteral", () => {
  it("writes what node-postgres writes for awkward text, numbers and nulls", () => {
    const values = [...awkward, null, 42, -7, 0, null];
    expect(toPostgresArrayLiteral(values)).toBe(prepareValue(values));
    expect(toPostgresArrayLiteral([])).toBe("{}");
    expect(toPostgresArrayLiteral(["plain", null])).toBe('{"plain",NULL}');
  });

  it("equals node-postgres's literal for any array of strings, integers and nulls", () => {
    const element = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.constantFrom(...awkward),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(element, { maxLength: 30 }), (values) => {
        expect(toPostgresArrayLiteral(values)).toBe(prepareValue(values));
      }),
      { numRuns: 500 },
    );
  });
});
