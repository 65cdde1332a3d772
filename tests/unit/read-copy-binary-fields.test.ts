import { describe, expect, it } from "vitest";
import { copyBinaryHeader, copyBinaryTrailer, encodeCopyBinaryRow } from "@/lib/db/copy-binary-format";
import { readCopyBinaryFields } from "@/lib/db/read-copy-binary-fields";

/** A COPY binary stream as PostgreSQL writes it: header, tuples of fields (null = NULL), trailer. */
function copyStream(tuples: (Buffer | null)[][], headerExtension = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1")];
  const int = (bytes: number, value: number) => {
    const buffer = Buffer.alloc(bytes);
    if (bytes === 2) buffer.writeInt16BE(value);
    else buffer.writeInt32BE(value);
    return buffer;
  };
  parts.push(int(4, 0), int(4, headerExtension.byteLength), headerExtension);
  for (const tuple of tuples) {
    parts.push(int(2, tuple.length));
    for (const field of tuple) parts.push(...(field === null ? [int(4, -1)] : [int(4, field.byteLength), field]));
  }
  parts.push(int(2, -1));
  return Buffer.concat(parts);
}

async function* inPieces(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; tuples: number[] }> {
  const pieces: Buffer[] = [];
  const tuples: number[] = [];
  for await (const piece of readCopyBinaryFields(source)) {
    pieces.push(Buffer.from(piece.bytes));
    tuples.push(piece.tupleIndex);
  }
  return { bytes: Buffer.concat(pieces), tuples: [...new Set(tuples)] };
}

describe("readCopyBinaryFields", () => {
  const chunks = [Buffer.from("first chunk, "), Buffer.alloc(5000, 0xff), Buffer.from("∑ last")];
  const stream = copyStream(chunks.map((chunk) => [chunk]));

  it.each([1, 2, 3, 7, 19, 4096, stream.byteLength])(
    "yields every field's bytes in order when the stream arrives in %i-byte pieces",
    async (size) => {
      const { bytes, tuples } = await collect(inPieces(stream, size));
      expect(bytes.equals(Buffer.concat(chunks))).toBe(true);
      expect(tuples).toEqual([0, 1, 2]);
    },
  );

  it("skips NULL and empty fields and a header extension", async () => {
    const withNulls = copyStream(
      [[null, Buffer.from("a")], [Buffer.alloc(0)], [Buffer.from("b"), null]],
      Buffer.from("ext"),
    );
    expect((await collect(inPieces(withNulls, 3))).bytes.toString()).toBe("ab");
  });

  it("refuses a stream cut before its trailer, so a dropped connection is never a short file", async () => {
    await expect(collect(inPieces(stream.subarray(0, stream.byteLength - 2), 64))).rejects.toThrow(
      "ended before its trailer",
    );
    await expect(collect(inPieces(stream.subarray(0, 200), 64))).rejects.toThrow("ended before its trailer");
  });

  it("refuses what is not a COPY binary stream", async () => {
    await expect(
      collect(inPieces(Buffer.from("id,data\r\n1,first row of a CSV file\r\n2,second row\r\n"), 64)),
    ).rejects.toThrow("bad signature");
  });

  it("reads back the rows encodeCopyBinaryRow writes (the chunk COPY's encoding), byte for byte as PostgreSQL's own", async () => {
    const seq = Buffer.alloc(4);
    seq.writeInt32BE(70_000);
    const rows = [
      [Buffer.from("artifact-✓"), seq, Buffer.alloc(70_000, 0xab)],
      [Buffer.from("a"), Buffer.alloc(4), Buffer.alloc(0)],
    ];
    const encoded = Buffer.concat([
      copyBinaryHeader,
      ...rows.map((row) => encodeCopyBinaryRow(row)),
      copyBinaryTrailer,
    ]);
    expect(encoded.equals(copyStream(rows))).toBe(true);
    const { bytes, tuples } = await collect(inPieces(encoded, 4096));
    expect(bytes.equals(Buffer.concat(rows.flat()))).toBe(true);
    expect(tuples).toEqual([0, 1]);
  });
});
