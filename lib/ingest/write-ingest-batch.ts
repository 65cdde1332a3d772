// Writes one validated batch of activity records: on SQLite in the ingest
// writer thread, so the thread answering requests never waits on the database
// file; on PostgreSQL in this thread, whose driver never blocks it.
import type { Identity } from "@/lib/auth/identity";
import { db, type Database } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { databaseUrlOf } from "@/lib/db/raw-sql-of";
import { ingestRecords, type IngestResult } from "@/lib/ingest/ingest-records";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { IngestBatch } from "@/lib/ingest/schemas";
import { writeInIngestWriterThread } from "@/lib/ingest/write-in-ingest-writer-thread";

export async function writeIngestBatch(
  identity: Identity,
  kind: IngestKind,
  batch: IngestBatch,
  database: Database = db,
): Promise<IngestResult> {
  const databaseUrl = databaseUrlOf(database);
  if (getDatabaseProvider(databaseUrl) === "sqlite") {
    const written = writeInIngestWriterThread(databaseUrl, identity, kind, batch);
    if (written) return written;
  }
  return ingestRecords({ identity, db: database }, kind, batch);
}
