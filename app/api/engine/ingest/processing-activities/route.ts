// POST /api/engine/ingest/processing-activities — the platform upserts its GDPR Art. 30
// processing activities (by its own id) for the GDPR Export; `events:write` or an admin session.
// 201 when an activity was created, else 200; all or nothing.
import { readJsonBody } from "@/lib/api/read-json-body";
import { withRoute } from "@/lib/api/with-route";
import { consumeIngestQuota } from "@/lib/ingest/consume-ingest-quota";
import { toUpsertResponse } from "@/lib/ingest/to-ingest-response";
import { maxIngestBodyBytes, processingActivityBatchSchema } from "@/lib/ingest/schemas";
import { upsertProcessingActivities } from "@/lib/ingest/upsert-processing-activities";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const POST = withRoute({ permission: "events:write" }, async ({ request, identity }) => {
  const quota = await consumeIngestQuota(identity);
  const batch = await readJsonBody(request, processingActivityBatchSchema, { maxBytes: maxIngestBodyBytes });
  const result = await upsertProcessingActivities({ identity }, batch);
  return toUpsertResponse(result, quota);
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
