// POST /api/engine/ingest/vault-secrets — the platform upserts its vault secrets' descriptions
// (by name; never their values) so vault accesses can reference them; `events:write` or an admin.
// 201 when a secret was created, else 200; all or nothing.
import { readJsonBody } from "@/lib/api/read-json-body";
import { withRoute } from "@/lib/api/with-route";
import { consumeIngestQuota } from "@/lib/ingest/consume-ingest-quota";
import { toUpsertResponse } from "@/lib/ingest/to-ingest-response";
import { maxIngestBodyBytes, vaultSecretBatchSchema } from "@/lib/ingest/schemas";
import { upsertVaultSecrets } from "@/lib/ingest/upsert-vault-secrets";
import { rejectOtherMethods } from "@/lib/api/reject-other-methods";

export const POST = withRoute({ permission: "events:write" }, async ({ request, identity }) => {
  const quota = await consumeIngestQuota(identity);
  const batch = await readJsonBody(request, vaultSecretBatchSchema, { maxBytes: maxIngestBodyBytes });
  const result = await upsertVaultSecrets({ identity }, batch);
  return toUpsertResponse(result, quota);
});

export const { GET, PUT, PATCH, DELETE } = rejectOtherMethods(["POST"]);
