import type { ChunkStore, ChunkStoreOptions } from "@/lib/compliance/chunk-store";
import { LeaseLostError } from "@/lib/compliance/report-job-errors";
import { leaseSql, type ReportLease } from "@/lib/compliance/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/sqlite/client";

/**
 * How often chunk writes also renew the lease. Every chunk did, which made
 * hundreds of Report row versions per report on PostgreSQL for a lease that
 * lasts a minute; the job's own timer renews it too.
 */
const renewEveryMs = 5_000;

/** Each chunk its own write transaction, final at once; the insert itself repeats the lease condition. */
export function insertChunks(
  sql: RawSql,
  lease: ReportLease,
  artifactId: string,
  options: ChunkStoreOptions,
): ChunkStore {
  let renewedAt = 0;
  return {
    async store(seq, data) {
      const now = Date.now();
      const fence = leaseSql(lease);
      // Through the driver: Prisma sends Bytes as base64 (~45 MB/s). A lost lease writes nothing at all.
      const insert = Prisma.sql`INSERT INTO "ReportChunk" ("artifactId", "seq", "data")
                   SELECT ${artifactId}, ${seq}, ${data} WHERE EXISTS (SELECT 1 FROM "Report" WHERE ${fence})`;
      const renew = now - renewedAt >= renewEveryMs;
      const expires = new Date(now + options.leaseSeconds * 1000);
      const changed = await sql.transaction(
        renew ? [Prisma.sql`UPDATE "Report" SET "leaseExpiresAt" = ${expires} WHERE ${fence}`, insert] : [insert],
      );
      if (changed.at(-1) === 0) throw new LeaseLostError(lease.reportId);
      if (renew) renewedAt = now;
    },
    async commit() {},
    async abort() {},
  };
}
