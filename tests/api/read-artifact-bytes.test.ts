// A stored artifact is read back byte for byte on either database, whatever its
// bytes (NUL, invalid UTF-8), over several of SQLite's pages of chunks and with
// a short last chunk; a chunk missing mid-read fails the read instead of
// shortening it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ArtifactGoneError, readArtifactBytes } from "@/lib/compliance/artifacts/read-artifact-bytes";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
});

const chunkBytes = 64 * 1024;

/** Bytes no text encoding would keep: NUL, 0xff, a lone continuation byte, a cut multi-byte sequence. */
function awkwardChunk(seq: number, length = chunkBytes): Buffer {
  const chunk = Buffer.alloc(length);
  for (let at = 0; at < length; at++) chunk[at] = (at * 131 + seq * 17) % 256;
  chunk.set([0x00, 0xff, 0x80, 0xe2, 0x82], 0);
  return chunk;
}

async function storedArtifact(chunks: Buffer[]) {
  const report = await db.report.create({
    data: {
      orgId: org.orgId,
      type: "soc2",
      title: "Read-back test",
      scope: { agentIds: [] },
      createdByType: "user",
      createdByLabel: "test",
    },
    select: { id: true },
  });
  const artifact = await db.reportArtifact.create({
    data: {
      reportId: report.id,
      attempt: 1,
      format: "json",
      contentType: "application/json",
      byteSize: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
      chunkCount: chunks.length,
    },
    select: { id: true, chunkCount: true, byteSize: true },
  });
  await db.reportChunk.createMany({
    data: chunks.map((data, seq) => ({ artifactId: artifact.id, seq, data: new Uint8Array(data) })),
  });
  return artifact;
}

async function readAll(artifact: { id: string; chunkCount: number; byteSize: number }): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for await (const piece of readArtifactBytes(db, artifact)) pieces.push(Buffer.from(piece));
  return Buffer.concat(pieces);
}

describe("reading a stored artifact", () => {
  it("gives back every byte in order over several pages, the last chunk short", async () => {
    const chunks = [...Array.from({ length: 37 }, (_, seq) => awkwardChunk(seq)), awkwardChunk(37, 1234)];
    const artifact = await storedArtifact(chunks);

    const bytes = await readAll(artifact);

    expect(bytes.byteLength).toBe(artifact.byteSize);
    expect(bytes.equals(Buffer.concat(chunks))).toBe(true);
  });

  it("fails rather than skipping a chunk that is missing", async () => {
    const chunks = Array.from({ length: 20 }, (_, seq) => awkwardChunk(seq));
    const artifact = await storedArtifact(chunks);
    await db.reportChunk.delete({ where: { artifactId_seq: { artifactId: artifact.id, seq: 18 } } });

    await expect(readAll(artifact)).rejects.toBeInstanceOf(ArtifactGoneError);
  });
});
