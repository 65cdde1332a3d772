// jsonb's text made JSON.stringify's: spaces outside strings dropped, and null
// wherever JSON.parse and JSON.stringify would write something else.
import { describe, expect, it } from "vitest";
import { compactJsonbText } from "@/lib/compliance/reports/compact-jsonb-text";

describe("compactJsonbText", () => {
  it.each([
    ['{"a": 1, "b": [2, -3, {"c": "d"}], "e": {}, "f": [], "g": null, "h": true}'],
    ['{"note": "a: b, c", "list": ["x, y", "z: w"]}'],
    ['{"unicode": "émoji 🎉", "n": 123456789012345, "m": -123456789012345}'],
    ["[]"],
    ["{}"],
    ['"a string: with, spaces"'],
    ["7"],
  ])("writes %s as JSON.stringify(JSON.parse(text)) does", (text) => {
    expect(compactJsonbText(text)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it.each([
    ['{"a": 1.5}', "a fraction"],
    ['{"a": 1e21}', "an exponent"],
    ['{"a": -0}', "minus zero"],
    ['{"a": 1234567890123456}', "16 digits"],
    ['{"b": 1, "10": 2}', "an integer-like key, which JSON.parse puts first"],
    ['{"1a": 1}', "a key starting with a digit"],
  ])("is not certain of %s (%s)", (text) => {
    expect(compactJsonbText(text)).toBeNull();
  });
});
