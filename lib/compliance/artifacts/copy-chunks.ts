import type { ChunkStore, ChunkStoreOptions } from "@/lib/compliance/artifacts/chunk-store";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { leaseCondition, renewLeaseSql, type ReportLease } from "@/lib/compliance/lease/report-lease";
import { encodeCopyBinaryRow } from "@/lib/db/copy-binary-format";
import type { CopyInTransaction, RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";

/**
 * The artifact's chunks streamed by one `COPY "ReportChunk" FROM STDIN` in a
 * transaction of their own, opened with the first chunk. The commit is fenced:
 * it renews the lease in the same transaction, and a worker that lost the
 * lease rolls back, so none of its chunks ever become visible.
 */
export function copyChunks(
  sql: RawSql,
  lease: ReportLease,
  artifactId: string,
  options: ChunkStoreOptions,
): ChunkStore {
  const artifactIdBytes = Buffer.from(artifactId, "utf8");
  let copy: Promise<CopyInTransaction> | null = null;
  const open = () => (copy ??= sql.copyIn(`"ReportChunk" ("artifactId", "seq", "data")`));
  // The server refused a row (its artifact deleted by the lease's new holder, say):
  // a lost lease is the reason to report, as the chunk inserts would have.
  const explain = async (error: unknown): Promise<never> => {
    const held = await sql.query(Prisma.sql`SELECT 1 AS "held" FROM "Report" WHERE ${leaseCondition(lease).sql}`);
    throw held.length === 0 ? new LeaseLostError(lease.reportId) : error;
  };
  return {
    async store(seq, data) {
      const seqBytes = Buffer.allocUnsafe(4);
      seqBytes.writeInt32BE(seq);
      // The row is a copy: `data` is free again once it is encoded.
      const row = encodeCopyBinaryRow([artifactIdBytes, seqBytes, data]);
      await (await open()).write(row).catch(explain);
    },
    async commit() {
      if (!copy) return;
      const fence = renewLeaseSql(lease, options.leaseSeconds);
      const committed = await (await copy).commitIf(fence).catch(explain);
      if (!committed) throw new LeaseLostError(lease.reportId);
    },
    async abort() {
      if (!copy) return;
      await (await copy.catch(() => null))?.rollback();
    },
  };
}
