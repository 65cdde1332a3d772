// Streams one rendering (JSON or CSV) of a report into ReportChunk rows of a
// fixed size, hashing and counting bytes as they pass. Storage is fenced on
// the lease (chunk-store.ts): a worker that lost its lease cannot add a byte.
import { createHash, type Hash } from "node:crypto";
import type { ChunkStore, ChunkStoreOptions } from "@/lib/compliance/artifacts/chunk-store";
import { createChunkStore } from "@/lib/compliance/artifacts/create-chunk-store";
import type { ReportLease } from "@/lib/compliance/lease/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";

/**
 * Below glibc's mmap threshold, so the driver's copy of each chunk (in node
 * and in PostgreSQL) reuses memory instead of faulting in fresh pages; SQLite
 * groups them per transaction (insert-chunks.ts), PostgreSQL streams them
 * through one COPY (copy-chunks.ts). See docs/benchmarks.md, chunk size.
 */
export const defaultChunkBytes = 64 * 1024;

export type ArtifactTotals = { byteSize: number; sha256: string; chunkCount: number };

/** What renderers write into: an ArtifactWriter, or a memory sink in unit tests. */
export type ArtifactSink = Pick<ArtifactWriter, "write" | "writeBytes" | "finish" | "abort">;

const encoder = new TextEncoder();

export class ArtifactWriter {
  private readonly hash: Hash = createHash("sha256");
  /** The chunk being filled, encoded in place: no buffer per write or per chunk. */
  private readonly chunk: Buffer;
  private filled = 0;
  /** Bytes of a character split at the chunk boundary, owed to the next chunk. */
  private carry: Buffer | null = null;
  private byteSize = 0;
  private seq = 0;
  private readonly store: ChunkStore;

  constructor(
    sql: RawSql,
    lease: ReportLease,
    readonly artifactId: string,
    options: ChunkStoreOptions,
  ) {
    if (options.chunkBytes < 4) throw new Error("chunkBytes must hold a whole UTF-8 character (4 bytes)");
    this.chunk = Buffer.allocUnsafe(options.chunkBytes);
    this.store = createChunkStore(sql, lease, artifactId, options);
  }

  async write(text: string): Promise<void> {
    let offset = 0;
    while (offset < text.length) {
      const room = this.chunk.subarray(this.filled);
      const { read, written } = encoder.encodeInto(offset === 0 ? text : text.slice(offset), room);
      offset += read;
      this.filled += written;
      if (offset < text.length && this.filled < this.chunk.length) offset += this.splitCharacter(text, offset);
      if (this.filled === this.chunk.length) await this.storeChunk();
    }
  }

  /** Appends bytes already encoded; `bytes` must stay unchanged until this resolves. */
  async writeBytes(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.byteLength) {
      const count = Math.min(bytes.byteLength - offset, this.chunk.length - this.filled);
      this.chunk.set(bytes.subarray(offset, offset + count), this.filled);
      offset += count;
      this.filled += count;
      if (this.filled === this.chunk.length) await this.storeChunk();
    }
  }

  /** Stores the last chunk and makes the artifact's chunks final. */
  async finish(): Promise<ArtifactTotals> {
    if (this.filled > 0) await this.storeChunk();
    await this.store.commit();
    return { byteSize: this.byteSize, sha256: this.hash.digest("hex"), chunkCount: this.seq };
  }

  /** Drops what is not final yet (on PostgreSQL: every chunk). Idempotent. */
  async abort(): Promise<void> {
    await this.store.abort();
  }

  /**
   * The character at `offset` is wider than the room left: its first bytes end
   * this chunk and the rest start the next, so every chunk but the last is
   * exactly chunkBytes long. Returns the UTF-16 units consumed.
   */
  private splitCharacter(text: string, offset: number): number {
    const units = text.codePointAt(offset)! > 0xffff ? 2 : 1;
    const bytes = Buffer.from(text.slice(offset, offset + units), "utf8");
    const room = this.chunk.length - this.filled;
    bytes.copy(this.chunk, this.filled, 0, room);
    this.filled += room;
    this.carry = bytes.subarray(room);
    return units;
  }

  private async storeChunk(): Promise<void> {
    const data = this.chunk.subarray(0, this.filled);
    this.hash.update(data);
    this.byteSize += data.byteLength;
    await this.store.store(this.seq++, data);
    // The store has copied the bytes by now: the buffer is free to refill.
    this.filled = 0;
    if (this.carry) {
      this.carry.copy(this.chunk);
      this.filled = this.carry.byteLength;
      this.carry = null;
    }
  }
}
