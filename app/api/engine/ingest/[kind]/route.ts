// POST /api/engine/ingest/:kind — the platform pushes a batch of activity records
// (audit-events, emails, dlp-violations, vault-accesses, query-logs, data-sharing-records)
// with an API key holding `events:write` (or an admin session). 201 when records were written,
// 200 when every record was a duplicate; all or nothing.
import { readJsonBodyBytes } from "@/lib/api/read-json-body";
import { withRoute } from "@/lib/api/with-route";
import { consumeIngestQuota } from "@/lib/ingest/consume-ingest-quota";
import { parseIngestKind } from "@/lib/ingest/parse-ingest-kind";
import { toIngestResponse } from "@/lib/ingest/to-ingest-response";
import { ingestBatchBody } from "@/lib/ingest/ingest-batch-body";
import { maxIngestBodyBytes } from "@/lib/ingest/schemas";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

type Params = { kind: string };

export const POST = withRoute<Params>({ permission: "events:write" }, async ({ request, identity, params }) => {
  const kind = parseIngestKind(params.kind);
  const quota = await consumeIngestQuota(identity);
  // Parsed and validated (400 with field paths) beside the write, off this thread.
  const body = await readJsonBodyBytes(request, maxIngestBodyBytes);
  const result = await ingestBatchBody(identity, kind, body);
  return toIngestResponse(result, { wroteNew: result.accepted > 0, quota });
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
