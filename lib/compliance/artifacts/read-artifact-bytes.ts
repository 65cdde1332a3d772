// A stored artifact's bytes in order, read through the database driver (Prisma
// moves Bytes through base64; docs/benchmarks.md) the way the profile says: one
// COPY or pages of chunks. Never short: if the chunks disappear mid-read (the
// report was deleted), the iteration throws.
import type { Database } from "@/lib/db";
import type { RawSql } from "@/lib/db/raw-sql";
import { readCopyBinaryFields } from "@/lib/db/read-copy-binary-fields";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import { createTurnTaker } from "@/lib/process/create-turn-taker";
import { Prisma } from "@/lib/generated/sqlite/client";

/** The artifact's chunks are not (all) there: its report was deleted while they were read. */
export class ArtifactGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArtifactGoneError";
  }
}

export type StoredArtifact = { id: string; chunkCount: number; byteSize: number };

/** Chunks read per SQLite query: few calls (a MiB of 64 KiB chunks), little memory. */
const chunksPerRead = 16;

export function readArtifactBytes(db: Database, artifact: StoredArtifact): AsyncGenerator<Uint8Array> {
  return readRawArtifactBytes(rawSqlOf(db), artifact);
}

/** The same through a raw connection of the caller's own (a thread's). */
export function readRawArtifactBytes(raw: RawSql, artifact: StoredArtifact): AsyncGenerator<Uint8Array> {
  const read = { copy: readByCopy, pages: readByPages }[getReportEngineProfile(raw.provider).bulkReads];
  return withTurns(read(raw, artifact));
}

/**
 * Bytes a download hands on between two turns of the event loop (this reader's
 * and the evidence package's). Every turn ends in a socket write that wakes
 * the client: fewer bytes a turn held other requests back less and cost the
 * download more writes (docs/benchmarks.md).
 */
export const downloadBytesPerTurn = 256 * 1024;

/**
 * The pieces, with a turn of the event loop after every downloadBytesPerTurn. A SQLite read
 * blocks its thread and answers at once, and COPY data that arrived together
 * is handed on at once too; while the client keeps up every write succeeds at
 * once as well, so without the turns a download on the server's main thread
 * ran to its end without letting another request in.
 */
async function* withTurns(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const turns = createTurnTaker(downloadBytesPerTurn);
  for await (const piece of pieces) {
    yield piece;
    await turns.handedOn(piece.byteLength);
  }
}

/** Pages (SQLite): a few chunks per query. */
async function* readByPages(raw: RawSql, artifact: StoredArtifact): AsyncGenerator<Uint8Array> {
  for (let seq = 0; seq < artifact.chunkCount; seq += chunksPerRead) {
    const count = Math.min(chunksPerRead, artifact.chunkCount - seq);
    const rows = await raw.query<{ data: Uint8Array }>(Prisma.sql`
      SELECT "data" FROM "ReportChunk"
       WHERE "artifactId" = ${artifact.id} AND "seq" >= ${seq} AND "seq" < ${seq + count}
       ORDER BY "seq"`);
    if (rows.length !== count) throw new ArtifactGoneError(`Report chunks ${seq}… of artifact ${artifact.id} are gone`);
    for (const row of rows) yield row.data;
  }
}

/**
 * COPY (PostgreSQL): every chunk in one `COPY … (FORMAT binary)`, so bytea
 * arrives as raw bytes rather than hex text (docs/benchmarks.md). One
 * COPY reads one snapshot, so a download that has started is whole.
 */
async function* readByCopy(raw: RawSql, artifact: StoredArtifact): AsyncGenerator<Uint8Array> {
  const copy = raw.copyOut(
    Prisma.sql`SELECT "data" FROM "ReportChunk" WHERE "artifactId" = ${artifact.id} ORDER BY "seq"`,
    "FORMAT binary",
  );
  let read = 0;
  for await (const piece of readCopyBinaryFields(copy)) {
    read += piece.bytes.byteLength;
    yield piece.bytes;
  }
  if (read !== artifact.byteSize) {
    throw new ArtifactGoneError(`Artifact ${artifact.id} has ${read} of its ${artifact.byteSize} bytes stored`);
  }
}
