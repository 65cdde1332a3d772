// The chunk store the database's profile names. PostgreSQL: one COPY per
// artifact, committed whole at the end (per-chunk inserts cost the server more
// than the report's own queries). SQLite: fenced inserts, a group of chunks per
// short write transaction, so the file's single write lock is never held for a
// whole report. Figures: docs/benchmarks.md.
import type { ChunkStore, ChunkStoreOptions } from "@/lib/compliance/artifacts/chunk-store";
import { copyChunks } from "@/lib/compliance/artifacts/copy-chunks";
import { insertChunks } from "@/lib/compliance/artifacts/insert-chunks";
import { getReportEngineProfile } from "@/lib/compliance/profiles/get-report-engine-profile";
import type { ReportEngineProfile } from "@/lib/compliance/profiles/report-engine-profile";
import type { ReportLease } from "@/lib/compliance/lease/report-lease";
import type { RawSql } from "@/lib/db/raw-sql";

const chunkStores: Record<ReportEngineProfile["chunkStore"], typeof copyChunks> = {
  copy: copyChunks,
  insert: insertChunks,
};

export function createChunkStore(
  sql: RawSql,
  lease: ReportLease,
  artifactId: string,
  options: ChunkStoreOptions,
): ChunkStore {
  return chunkStores[getReportEngineProfile(sql.provider).chunkStore](sql, lease, artifactId, options);
}
