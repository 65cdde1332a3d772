// ArtifactWriter's chunking, against a driver stand-in that keeps what each
// chunk insert was given: the bytes equal the UTF-8 of everything written,
// characters split at chunk boundaries survive, every chunk but the last is
// full, and the totals describe exactly those bytes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ArtifactWriter } from "@/lib/compliance/artifacts/artifact-writer";
import type { RawSql } from "@/lib/db/raw-sql";

function recordingDriver() {
  const chunks: Buffer[] = [];
  const transactions: number[] = [];
  const sql = {
    provider: "sqlite",
    async transaction(statements: { values: unknown[] }[]) {
      // Chunk inserts, after a lease renewal every few seconds.
      transactions.push(statements.length);
      for (const statement of statements) {
        const data = statement.values.find((value) => Buffer.isBuffer(value));
        // A driver copies the bound bytes; the writer reuses its buffer afterwards.
        if (data) chunks.push(Buffer.from(data as Buffer));
      }
      return statements.map(() => 1);
    },
  } as unknown as RawSql;
  return { sql, chunks, transactions };
}

const lease = { reportId: "r", workerId: "w", attempt: 1 };

/** Deterministic text mixing 1-, 2-, 3- and 4-byte characters, a lone surrogate now and then. */
function sampleWrites(seed: number, count: number): string[] {
  const alphabet = ["a", "Z", ",", "\n", "é", "ß", "€", "中", "🙂", "𝄞", "\ud800", "x"];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () => {
    let text = "";
    const length = next() % 40;
    for (let index = 0; index < length; index++) text += alphabet[next() % alphabet.length];
    return text;
  });
}

describe("ArtifactWriter", () => {
  it.each([4, 5, 7, 64, 1000, 300_000])(
    "stores the UTF-8 of what was written in full %i-byte chunks",
    async (chunkBytes) => {
      const { sql, chunks } = recordingDriver();
      const writer = new ArtifactWriter(sql, lease, "a", { chunkBytes, leaseSeconds: 60 });
      const writes = sampleWrites(chunkBytes, 300);
      for (const text of writes) await writer.write(text);
      const totals = await writer.finish();

      const expected = Buffer.concat(writes.map((text) => Buffer.from(text, "utf8")));
      const stored = Buffer.concat(chunks);
      expect(stored.equals(expected)).toBe(true);
      expect(chunks.slice(0, -1).every((chunk) => chunk.byteLength === chunkBytes)).toBe(true);
      expect(chunks.at(-1)!.byteLength).toBeGreaterThan(0);
      expect(totals).toEqual({
        byteSize: expected.byteLength,
        sha256: createHash("sha256").update(expected).digest("hex"),
        chunkCount: Math.ceil(expected.byteLength / chunkBytes),
      });
    },
  );

  it.each([4, 5, 7, 64, 1000])(
    "stores text and already-encoded bytes, interleaved, in full %i-byte chunks and in order",
    async (chunkBytes) => {
      const { sql, chunks } = recordingDriver();
      const writer = new ArtifactWriter(sql, lease, "a", { chunkBytes, leaseSeconds: 60 });
      const writes = sampleWrites(chunkBytes + 1, 300);
      const expected: Buffer[] = [];
      for (const [index, text] of writes.entries()) {
        const bytes = Buffer.from(text, "utf8");
        expected.push(bytes);
        // Every other write as bytes, most of them longer than a small chunk.
        if (index % 2 === 1) await writer.writeBytes(bytes);
        else await writer.write(text);
      }
      const totals = await writer.finish();
      const stored = Buffer.concat(chunks);
      expect(stored.equals(Buffer.concat(expected))).toBe(true);
      expect(chunks.slice(0, -1).every((chunk) => chunk.byteLength === chunkBytes)).toBe(true);
      expect(totals.byteSize).toBe(stored.byteLength);
      expect(totals.sha256).toBe(createHash("sha256").update(stored).digest("hex"));
    },
  );

  it("stores nothing for nothing written", async () => {
    const { sql, chunks } = recordingDriver();
    const writer = new ArtifactWriter(sql, lease, "a", { chunkBytes: 8, leaseSeconds: 60 });
    await writer.write("");
    expect(await writer.finish()).toEqual({
      byteSize: 0,
      sha256: createHash("sha256").digest("hex"),
      chunkCount: 0,
    });
    expect(chunks).toEqual([]);
  });

  it("writes a MiB of chunks per transaction, the rest at the finish", async () => {
    const { sql, chunks, transactions } = recordingDriver();
    const chunkBytes = 64 * 1024;
    const writer = new ArtifactWriter(sql, lease, "a", { chunkBytes, leaseSeconds: 60 });
    await writer.write("x".repeat(40 * chunkBytes + 10));
    expect(transactions).toEqual([1 + 16, 16]); // the first also renews the lease
    expect(await writer.finish()).toMatchObject({ chunkCount: 41, byteSize: 40 * chunkBytes + 10 });
    expect(transactions).toEqual([17, 16, 9]);
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([...Array(40).fill(chunkBytes), 10]);
  });
});
