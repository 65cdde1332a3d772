import type { ChunkStore, ChunkStoreOptions } from "@/lib/compliance/artifacts/chunk-store";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { leaseCondition, renewLeaseSql, type ReportLease } from "@/lib/compliance/lease/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";

/**
 * How often chunk writes also renew the lease. Every chunk did, which made
 * hundreds of Report row versions per report for a lease that lasts a minute;
 * the job's own timer renews it too.
 */
const renewEveryMs = 5_000;

/** Chunk bytes held before they are written in one transaction (a write transaction each costs more than its bytes). */
const bytesPerTransaction = 1024 * 1024;

/**
 * Chunks written a group at a time, each group its own short write
 * transaction, final at once. Every insert repeats the lease condition, so a
 * lost lease writes nothing at all.
 */
export function insertChunks(
  sql: RawSql,
  lease: ReportLease,
  artifactId: string,
  options: ChunkStoreOptions,
): ChunkStore {
  let renewedAt = 0;
  // Chunks wait here, copied side by side, until a transaction's worth has
  // come: one buffer for the artifact's life, no allocation per chunk.
  const group = Buffer.allocUnsafe(Math.max(bytesPerTransaction, options.chunkBytes));
  let pending: Array<{ seq: number; data: Buffer }> = [];
  let pendingBytes = 0;

  const flush = async () => {
    if (pending.length === 0) return;
    const now = Date.now();
    const fence = leaseCondition(lease).sql;
    // Through the driver: Prisma sends Bytes as base64 (docs/benchmarks.md, bytea through COPY binary).
    const inserts = pending.map(
      ({ seq, data }) => Prisma.sql`INSERT INTO "ReportChunk" ("artifactId", "seq", "data")
                 SELECT ${artifactId}, ${seq}, ${data} WHERE EXISTS (SELECT 1 FROM "Report" WHERE ${fence})`,
    );
    const renew = now - renewedAt >= renewEveryMs;
    const changed = await sql.transaction(renew ? [renewLeaseSql(lease, options.leaseSeconds), ...inserts] : inserts);
    // One write transaction sees one lease: every insert took its chunk, or none did.
    if (changed.at(-1) === 0) throw new LeaseLostError(lease.reportId);
    if (renew) renewedAt = now;
    // The driver has copied the bytes by now: the group is free to refill.
    pending = [];
    pendingBytes = 0;
  };

  return {
    async store(seq, data) {
      if (pendingBytes + data.byteLength > group.byteLength) await flush();
      // A copy: the writer refills `data` as soon as this resolves.
      data.copy(group, pendingBytes);
      pending.push({ seq, data: group.subarray(pendingBytes, pendingBytes + data.byteLength) });
      pendingBytes += data.byteLength;
      if (pendingBytes === group.byteLength) await flush();
    },
    commit: flush,
    async abort() {
      pending = [];
      pendingBytes = 0;
    },
  };
}
