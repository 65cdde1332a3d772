// The answer of every ingest route: the batch's result, 201 when it wrote
// something new (else 200, an idempotent retry), and the caller's quota
// (RateLimit-Limit / RateLimit-Remaining), so clients can pace themselves.
import type { IngestQuota } from "@/lib/ingest/consume-ingest-quota";

export function toIngestResponse(result: object, options: { wroteNew: boolean; quota: IngestQuota }): Response {
  return Response.json(result, {
    status: options.wroteNew ? 201 : 200,
    headers: {
      "ratelimit-limit": String(options.quota.limit),
      "ratelimit-remaining": String(options.quota.remaining),
    },
  });
}

/** For the upsert routes (agents, DLP rules, vault secrets, processing activities): new when any row was created. */
export function toUpsertResponse(result: { created: number }, quota: IngestQuota): Response {
  return toIngestResponse(result, { wroteNew: result.created > 0, quota });
}
