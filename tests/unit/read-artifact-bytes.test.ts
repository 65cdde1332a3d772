// A stored artifact's reader must give the event loop a turn every 256 KiB
// even when its source answers at once (a SQLite read; COPY data that arrived
// together): a download on the server's main thread otherwise holds up every
// other request until its last byte.
import { describe, expect, it } from "vitest";
import { downloadBytesPerTurn, readRawArtifactBytes } from "@/lib/compliance/artifacts/read-artifact-bytes";
import { copyBinaryHeader, copyBinaryTrailer, encodeCopyBinaryRow } from "@/lib/db/copy-binary-format";
import type { DatabaseProvider } from "@/lib/db/database-url";
import type { RawSql } from "@/lib/db/raw-sql";

const chunkBytes = 64 * 1024;
const chunkCount = 48;
const chunks = Array.from({ length: chunkCount }, (_, seq) => Buffer.alloc(chunkBytes, seq));
const artifact = { id: "artifact-1", chunkCount, byteSize: chunkCount * chunkBytes };

/** A driver whose every read answers at once, from memory. */
function rawSqlAnsweringAtOnce(provider: DatabaseProvider): RawSql {
  const unused = () => {
    throw new Error("not used by the reader");
  };
  return {
    provider,
    // SQLite's pages: the chunks whose seq is in [from, to), as bound by the reader's query.
    async query(sql) {
      const [, from, to] = sql.values as [string, number, number];
      return chunks.slice(from, to).map((data) => ({ data }));
    },
    // PostgreSQL's COPY binary: the header, a tuple per chunk, the trailer.
    async *copyOut() {
      yield copyBinaryHeader;
      for (const chunk of chunks) yield encodeCopyBinaryRow([chunk]);
      yield copyBinaryTrailer;
    },
    queryArrays: unused,
    transaction: unused,
    copyIn: unused,
    close: async () => undefined,
  } as RawSql;
}

describe.each<DatabaseProvider>(["sqlite", "postgresql"])("readRawArtifactBytes on %s", (provider) => {
  it("reads every byte in order and lets other work run after 256 KiB", async () => {
    let bytesRead = 0;
    let bytesReadWhenOtherWorkRan: number | null = null;
    setImmediate(() => (bytesReadWhenOtherWorkRan = bytesRead));

    const parts: Buffer[] = [];
    for await (const piece of readRawArtifactBytes(rawSqlAnsweringAtOnce(provider), artifact)) {
      parts.push(Buffer.from(piece));
      bytesRead += piece.byteLength;
    }

    expect(Buffer.concat(parts).equals(Buffer.concat(chunks))).toBe(true);
    expect(bytesReadWhenOtherWorkRan).not.toBeNull();
    expect(downloadBytesPerTurn).toBe(256 * 1024);
    expect(bytesReadWhenOtherWorkRan!).toBeLessThanOrEqual(downloadBytesPerTurn);
  });
});
