// Report titles carry agent names, which can be any Unicode: a download's
// filename must never split a character (that made every download of such a
// report a 500) and must keep what a person would read as one character whole.
import { describe, expect, it } from "vitest";
import { buildContentDisposition } from "@/lib/compliance/requests/build-content-disposition";

function utf8Name(header: string): string {
  const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1];
  if (!encoded) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(encoded);
}

describe("buildContentDisposition with any title", () => {
  it("cuts a long emoji title between emoji, never inside a surrogate pair", () => {
    const header = buildContentDisposition(`a${"😀".repeat(99)}`, "json");
    const name = utf8Name(header);
    expect(name).toMatch(/^a(😀)+\.json$/u);
    expect(name.length).toBeLessThanOrEqual(150 + ".json".length);
    expect(header).toContain('filename="a.json"');
  });

  it("keeps family emoji and flags whole (multi-code-point graphemes)", () => {
    const family = "👨‍👩‍👧‍👦";
    const name = utf8Name(buildContentDisposition(`b${family.repeat(40)}`, "csv"));
    const body = name.slice(1, -".csv".length);
    expect(body.length % family.length).toBe(0);
    expect(body).toBe(family.repeat(body.length / family.length));
  });

  it("keeps a letter with its combining marks together", () => {
    const letter = "e\u0301\u0323"; // e + acute + dot below: NFC keeps one mark combining
    const normalized = letter.normalize("NFC");
    const name = utf8Name(buildContentDisposition(`x${letter.repeat(120)}`, "csv"));
    const body = name.slice(1, -".csv".length);
    expect(body).toBe(normalized.repeat(body.length / normalized.length));
  });

  it("passes right-to-left titles through, and replaces a lone surrogate instead of throwing", () => {
    const hebrew = utf8Name(buildContentDisposition("דוח ציות — סוכן תמיכה", "json"));
    expect(hebrew).toBe("דוח ציות — סוכן תמיכה.json");
    const arabic = utf8Name(buildContentDisposition("تقرير الامتثال", "csv"));
    expect(arabic).toBe("تقرير الامتثال.csv");
    expect(utf8Name(buildContentDisposition("bad \ud800 name \udc00", "json"))).toBe("bad \ufffd name \ufffd.json");
  });
});
