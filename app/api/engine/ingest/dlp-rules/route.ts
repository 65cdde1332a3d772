// POST /api/engine/ingest/dlp-rules — the platform upserts its DLP rules (by its own rule id)
// so DLP violations can reference them; `events:write` or an admin session.
// 201 when a rule was created, else 200; all or nothing.
import { readJsonBody } from "@/lib/api/read-json-body";
import { withRoute } from "@/lib/api/with-route";
import { consumeIngestQuota } from "@/lib/ingest/consume-ingest-quota";
import { toUpsertResponse } from "@/lib/ingest/to-ingest-response";
import { dlpRuleBatchSchema, maxIngestBodyBytes } from "@/lib/ingest/schemas";
import { upsertDlpRules } from "@/lib/ingest/upsert-dlp-rules";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const POST = withRoute({ permission: "events:write" }, async ({ request, identity }) => {
  const quota = await consumeIngestQuota(identity);
  const batch = await readJsonBody(request, dlpRuleBatchSchema, { maxBytes: maxIngestBodyBytes });
  const result = await upsertDlpRules({ identity }, batch);
  return toUpsertResponse(result, quota);
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
