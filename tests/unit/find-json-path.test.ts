// The one walk behind the body checks (`__proto__` keys, lone surrogates,
// non-finite numbers): it names the first match's path from the root, array
// indexes as text, and stays one pass however deep a body nests, so a small
// deeply nested request cannot hold the server.
import { describe, expect, it } from "vitest";
import { findJsonPath, joinJsonPath } from "@/lib/json/find-json-path";
import { findLoneSurrogatePath } from "@/lib/json/find-lone-surrogate-path";

describe("findJsonPath", () => {
  it("names the first match's keys from the root, the root itself as [], and null when nothing matches", () => {
    const body = { records: [{ id: "a" }, { id: "b", metadata: { note: "x", n: 5 } }] };
    expect(findJsonPath(body, (value) => value === 5)).toEqual(["records", "1", "metadata", "n"]);
    expect(findJsonPath(body, (_, key) => key === "note")).toEqual(["records", "1", "metadata", "note"]);
    expect(findJsonPath(body, (value) => value === body)).toEqual([]);
    expect(findJsonPath(body, (value) => value === 6)).toBeNull();
  });

  it("walks a body nested 200,000 deep (a 400 KB ingest body) in one pass", () => {
    const depth = 200_000;
    const nested = JSON.parse(`${"[".repeat(depth)}"\\ud800"${"]".repeat(depth)}`) as unknown;
    const path = findLoneSurrogatePath(nested);
    expect(path).toHaveLength(depth);
    expect(path!.every((key) => key === "0")).toBe(true);
  });
});

describe("joinJsonPath", () => {
  it("joins keys with dots, names the root `body`, and shows a key that is not valid Unicode escaped", () => {
    expect(joinJsonPath(["records", "0", "metadata", "a"])).toBe("records.0.metadata.a");
    expect(joinJsonPath([])).toBe("body");
    expect(joinJsonPath(["metadata", "bad\ud800"])).toBe("metadata.bad\\ud800");
  });
});
