// POST /api/engine/ingest/agents — the platform upserts its agents (by email address)
// so activity records can reference them; API key with `events:write` or an admin session.
// 201 when an agent was created, else 200; all or nothing.
import { readJsonBody } from "@/lib/api/read-json-body";
import { withRoute } from "@/lib/api/with-route";
import { consumeIngestQuota } from "@/lib/ingest/consume-ingest-quota";
import { toUpsertResponse } from "@/lib/ingest/to-ingest-response";
import { agentBatchSchema, maxIngestBodyBytes } from "@/lib/ingest/schemas";
import { upsertAgents } from "@/lib/ingest/upsert-agents";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const POST = withRoute({ permission: "events:write" }, async ({ request, identity }) => {
  const quota = await consumeIngestQuota(identity);
  const batch = await readJsonBody(request, agentBatchSchema, { maxBytes: maxIngestBodyBytes });
  const result = await upsertAgents({ identity }, batch);
  return toUpsertResponse(result, quota);
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
