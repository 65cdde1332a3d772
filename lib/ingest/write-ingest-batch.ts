// Writes one validated batch of activity records in the ingest writer thread,
// so the thread answering requests spends no time on it: on SQLite it would
// block on the database file, and on either database linking the chain and
// building the statements are CPU work.
import type { Identity } from "@/lib/auth/identity";
import { db, type Database } from "@/lib/db";
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
  const written = writeInIngestWriterThread(databaseUrlOf(database), identity, kind, batch);
  return written ?? ingestRecords({ identity, db: database }, kind, batch);
}
