// A pushed batch's body as the records of its kind, or the 400 that says why not.
import { parseJsonBody } from "@/lib/api/parse-json-body";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import { ingestBatchSchema, type IngestBatch } from "@/lib/ingest/schemas";

export function parseIngestBatch(kind: IngestKind, body: Uint8Array): IngestBatch {
  return parseJsonBody(body, ingestBatchSchema(kind));
}
