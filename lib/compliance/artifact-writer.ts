// Streams one rendering (JSON or CSV) of a report into ReportChunk rows of a
// fixed size, hashing and counting bytes as they pass. Each chunk insert is
// fenced with a lease renewal in one transaction: a worker that lost its lease
// cannot add a byte.
import { createHash, type Hash } from "node:crypto";
import { LeaseLostError } from "@/lib/compliance/report-job-errors";
import { leaseSql, type ReportLease } from "@/lib/compliance/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";

/** 1 MiB: few rows and round trips per artifact, still small in memory. */
export const defaultChunkBytes = 1024 * 1024;

export type ArtifactTotals = { byteSize: number; sha256: string; chunkCount: number };

/** What renderers write into: an ArtifactWriter, or a memory sink in unit tests. */
export type ArtifactSink = Pick<ArtifactWriter, "write" | "finish">;

export class ArtifactWriter {
  private readonly hash: Hash = createHash("sha256");
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private byteSize = 0;
  private seq = 0;

  constructor(
    private readonly sql: RawSql,
    private readonly lease: ReportLease,
    readonly artifactId: string,
    private readonly options: { chunkBytes: number; leaseSeconds: number },
  ) {}

  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    const bytes = Buffer.from(text, "utf8");
    this.hash.update(bytes);
    this.byteSize += bytes.byteLength;
    this.pending.push(bytes);
    this.pendingBytes += bytes.byteLength;
    while (this.pendingBytes >= this.options.chunkBytes) {
      const all = Buffer.concat(this.pending, this.pendingBytes);
      const rest = all.subarray(this.options.chunkBytes);
      this.pending = rest.byteLength ? [rest] : [];
      this.pendingBytes = rest.byteLength;
      await this.storeChunk(all.subarray(0, this.options.chunkBytes));
    }
  }

  async finish(): Promise<ArtifactTotals> {
    if (this.pendingBytes > 0) {
      const last = Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      await this.storeChunk(last);
    }
    return { byteSize: this.byteSize, sha256: this.hash.digest("hex"), chunkCount: this.seq };
  }

  private async storeChunk(data: Buffer): Promise<void> {
    const seq = this.seq++;
    const expires = new Date(Date.now() + this.options.leaseSeconds * 1000);
    const lease = leaseSql(this.lease);
    // Through the driver: Prisma sends Bytes as base64 (~45 MB/s). The insert
    // repeats the lease condition, so a lost lease writes nothing at all.
    const [renewed] = await this.sql.transaction([
      Prisma.sql`UPDATE "Report" SET "leaseExpiresAt" = ${expires} WHERE ${lease}`,
      Prisma.sql`INSERT INTO "ReportChunk" ("artifactId", "seq", "data")
                 SELECT ${this.artifactId}, ${seq}, ${data} WHERE EXISTS (SELECT 1 FROM "Report" WHERE ${lease})`,
    ]);
    if (renewed === 0) throw new LeaseLostError(this.lease.reportId);
  }
}
