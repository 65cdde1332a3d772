// Where an ArtifactWriter's chunks go. Both stores are fenced on the report's
// lease: a worker that lost it makes nothing of its own visible.
import { copyChunks } from "@/lib/compliance/artifacts/copy-chunks";
import { insertChunks } from "@/lib/compliance/artifacts/insert-chunks";
import type { ReportLease } from "@/lib/compliance/jobs/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";

export interface ChunkStore {
  /** Stores chunk `seq`; `data` may be reused once this resolves. */
  store(seq: number, data: Buffer): Promise<void>;
  /** Makes the chunks stored so far final; throws LeaseLostError when the lease moved on. */
  commit(): Promise<void>;
  /** Drops whatever is not final yet. Idempotent. */
  abort(): Promise<void>;
}

export type ChunkStoreOptions = { chunkBytes: number; leaseSeconds: number };

/**
 * PostgreSQL: one COPY per artifact, committed whole at the end. Chunk by
 * chunk, each 1 MiB insert was received, copied and planned as one bind
 * parameter (fresh memory each time), which cost the server more CPU than the
 * report's own queries (docs/benchmarks.md, session 8). SQLite: fenced
 * inserts, a MiB of chunks per short write transaction, so the database
 * file's single write lock is never held for a whole report.
 */
export function createChunkStore(
  sql: RawSql,
  lease: ReportLease,
  artifactId: string,
  options: ChunkStoreOptions,
): ChunkStore {
  return sql.provider === "postgresql"
    ? copyChunks(sql, lease, artifactId, options)
    : insertChunks(sql, lease, artifactId, options);
}
