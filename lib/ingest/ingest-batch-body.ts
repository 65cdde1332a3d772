// Parses, validates and writes one pushed batch in the ingest writer thread,
// so the thread answering requests spends no time on it: decoding, parsing and
// validating a batch of 1,000 emails is tens of milliseconds of CPU, on SQLite
// the write would block on the database file, and on either database linking
// the chain and building the statements are CPU work. The body's bytes move to
// the thread uncopied; a refused batch comes back as the same 400 as anywhere.
import type { Identity } from "@/lib/auth/identity";
import { db, type Database } from "@/lib/db";
import { databaseUrlOf } from "@/lib/db/raw-sql-of";
import { ingestRecords, type IngestResult } from "@/lib/ingest/ingest-records";
import { parseIngestBatch } from "@/lib/ingest/parse-ingest-batch";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import { writeInIngestWriterThread } from "@/lib/ingest/write-in-ingest-writer-thread";

export async function ingestBatchBody(
  identity: Identity,
  kind: IngestKind,
  /** The request body as read (readJsonBodyBytes): JSON not yet parsed. */
  body: Uint8Array,
  database: Database = db,
): Promise<IngestResult> {
  const written = writeInIngestWriterThread(databaseUrlOf(database), identity, kind, body);
  return written ?? ingestRecords({ identity, db: database }, kind, parseIngestBatch(kind, body));
}
