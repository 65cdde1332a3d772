// Streams one rendering (JSON or CSV) of a report into ReportChunk rows of a
// fixed size, hashing and counting bytes as they pass. Each chunk insert is
// fenced on the lease (a worker that lost its lease cannot add a byte) and
// renews it every few seconds while chunks flow.
import { createHash, type Hash } from "node:crypto";
import { LeaseLostError } from "@/lib/compliance/report-job-errors";
import { leaseSql, type ReportLease } from "@/lib/compliance/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";

/** 1 MiB: few rows and round trips per artifact, still small in memory. */
export const defaultChunkBytes = 1024 * 1024;

/**
 * How often chunk writes also renew the lease. Every chunk did, which made
 * hundreds of Report row versions per report on PostgreSQL for a lease that
 * lasts a minute; the job's own timer renews it too.
 */
const renewEveryMs = 5_000;

export type ArtifactTotals = { byteSize: number; sha256: string; chunkCount: number };

/** What renderers write into: an ArtifactWriter, or a memory sink in unit tests. */
export type ArtifactSink = Pick<ArtifactWriter, "write" | "finish">;

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
  private renewedAt = 0;

  constructor(
    private readonly sql: RawSql,
    private readonly lease: ReportLease,
    readonly artifactId: string,
    private readonly options: { chunkBytes: number; leaseSeconds: number },
  ) {
    if (options.chunkBytes < 4) throw new Error("chunkBytes must hold a whole UTF-8 character (4 bytes)");
    this.chunk = Buffer.allocUnsafe(options.chunkBytes);
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

  async finish(): Promise<ArtifactTotals> {
    if (this.filled > 0) await this.storeChunk();
    return { byteSize: this.byteSize, sha256: this.hash.digest("hex"), chunkCount: this.seq };
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
    const seq = this.seq++;
    const now = Date.now();
    const lease = leaseSql(this.lease);
    // Through the driver: Prisma sends Bytes as base64 (~45 MB/s). The insert
    // repeats the lease condition, so a lost lease writes nothing at all.
    const insert = Prisma.sql`INSERT INTO "ReportChunk" ("artifactId", "seq", "data")
                 SELECT ${this.artifactId}, ${seq}, ${data} WHERE EXISTS (SELECT 1 FROM "Report" WHERE ${lease})`;
    const renew = now - this.renewedAt >= renewEveryMs;
    const expires = new Date(now + this.options.leaseSeconds * 1000);
    const changed = await this.sql.transaction(
      renew ? [Prisma.sql`UPDATE "Report" SET "leaseExpiresAt" = ${expires} WHERE ${lease}`, insert] : [insert],
    );
    if (changed.at(-1) === 0) throw new LeaseLostError(this.lease.reportId);
    if (renew) this.renewedAt = now;
    // The driver has copied the bytes by now: the buffer is free to refill.
    this.filled = 0;
    if (this.carry) {
      this.carry.copy(this.chunk);
      this.filled = this.carry.byteLength;
      this.carry = null;
    }
  }
}
