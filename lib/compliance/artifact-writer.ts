// Streams one rendering (JSON or CSV) of a report into ReportChunk rows of a
// fixed size, hashing and counting bytes as they pass. Each chunk insert is
// fenced with a lease renewal in one transaction: a worker that lost its lease
// cannot add a byte.
import { createHash, type Hash } from "node:crypto";
import { renewReportLease } from "@/lib/compliance/renew-report-lease";
import type { ReportLease } from "@/lib/compliance/report-lease";
import type { Database } from "@/lib/db";

/** 1 MiB: few rows and round trips per artifact, still small in memory. */
export const defaultChunkBytes = 1024 * 1024;

export type ArtifactTotals = { byteSize: number; sha256: string; chunkCount: number };

export class ArtifactWriter {
  private readonly hash: Hash = createHash("sha256");
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private byteSize = 0;
  private seq = 0;

  constructor(
    private readonly db: Database,
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
    // A copy: the chunk may be a view into a larger buffer.
    const bytes = new Uint8Array(data);
    await this.db.$transaction(async (tx) => {
      await renewReportLease(tx, this.lease, { leaseSeconds: this.options.leaseSeconds });
      await tx.reportChunk.create({ data: { artifactId: this.artifactId, seq, data: bytes }, select: { seq: true } });
    });
  }
}
