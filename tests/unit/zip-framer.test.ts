// The package's ZIP framing is yazl's, byte for byte: the same entries (streamed
// ones with data descriptors, whole ones with their sizes up front), names,
// mode and DOS timestamp give the same archive as yazl with the options the
// package used with it, so a report's package keeps its bytes and its hash.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { createZipFramer } from "@/lib/compliance/package/create-zip-framer";

type Entry = { path: string; pieces: Buffer[]; isWhole?: boolean };

/** How the package handed yazl its time: a Date whose local fields are the instant's UTC fields. */
function toDosLocalTime(instant: Date): Date {
  return new Date(
    instant.getUTCFullYear(),
    instant.getUTCMonth(),
    instant.getUTCDate(),
    instant.getUTCHours(),
    instant.getUTCMinutes(),
    instant.getUTCSeconds(),
  );
}

async function viaYazl(entries: Entry[], modifiedAt: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const options = { mtime: toDosLocalTime(modifiedAt), mode: 0o100644, compress: false, forceDosTimestamp: true };
  for (const entry of entries) {
    if (entry.isWhole) {
      zip.addBuffer(Buffer.concat(entry.pieces), entry.path, options);
      continue;
    }
    const stream = new PassThrough();
    for (const piece of entry.pieces) stream.write(piece);
    stream.end();
    zip.addReadStream(stream, entry.path, options);
  }
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

function viaFramer(entries: Entry[], modifiedAt: Date): Buffer {
  const zip = createZipFramer({ modifiedAt, mode: 0o100644 });
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if (entry.isWhole) {
      parts.push(zip.wholeEntry(entry.path, Buffer.concat(entry.pieces)));
      continue;
    }
    parts.push(zip.beginEntry(entry.path));
    for (const piece of entry.pieces) {
      zip.addData(piece);
      parts.push(piece);
    }
    parts.push(zip.endEntry());
  }
  parts.push(zip.finish());
  return Buffer.concat(parts);
}

function bytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[index] = state >>> 24;
  }
  return out;
}

const entries: Entry[] = [
  { path: "report.json", pieces: [bytes(70_000, 1), bytes(1, 2), bytes(200_000, 3)] },
  { path: "README.txt", pieces: [Buffer.from("Read me\r\n")] },
  { path: "sections/empty/none.csv", pieces: [] },
  { path: "sections/évents/all.part-2.csv", pieces: [Buffer.from("\ufeffid\r\n1\r\n")] },
  { path: "SHA256SUMS", pieces: [Buffer.from("abc  report.json\n")], isWhole: true },
  { path: "SHA256SUMS.jws", pieces: [Buffer.from("eyJ.eyJ.sig")], isWhole: true },
];

describe("createZipFramer", () => {
  it.each([
    new Date("2026-12-03T22:19:41.123Z"),
    new Date("2026-03-29T01:30:00Z"),
    new Date("1979-06-01T00:00:00Z"),
    new Date("2000-02-29T23:59:59Z"),
  ])("frames the package's entries as yazl does, timestamp %s", async (modifiedAt) => {
    const framed = viaFramer(entries, modifiedAt);
    expect(framed.toString("hex")).toBe((await viaYazl(entries, modifiedAt)).toString("hex"));
  });

  it("frames an archive of nothing but whole entries, and of nothing at all, as yazl does", async () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const whole = entries.filter((entry) => entry.isWhole);
    expect(viaFramer(whole, at).equals(await viaYazl(whole, at))).toBe(true);
    expect(viaFramer([], at).equals(await viaYazl([], at))).toBe(true);
  });

  it("refuses data outside an entry and an entry that did not end", () => {
    const zip = createZipFramer({ modifiedAt: new Date(), mode: 0o100644 });
    expect(() => zip.addData(Buffer.from("x"))).toThrow("ZIP data outside an entry");
    zip.beginEntry("a");
    expect(() => zip.beginEntry("b")).toThrow("started before the last one ended");
    expect(() => zip.finish()).toThrow("did not end");
  });
});
