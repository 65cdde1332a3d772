// A separate server-like process for the chain concurrency test: it pushes
// ingest batches of audit events and records Attest's own events for one org,
// all at once, through its own database client.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createDatabaseClient } from "@/lib/db";
import { ingestRecords } from "@/lib/ingest/ingest-records";
import { ingestBatchSchema } from "@/lib/ingest/schemas";

const [url, orgId, label, batchCount, batchSize] = process.argv.slice(2) as [string, string, string, string, string];

async function main(): Promise<void> {
  const db = createDatabaseClient(url);
  const identity = { kind: "api_key", apiKeyId: `key-${label}`, orgId, scopes: ["events:write"], label } as const;
  const batches = Array.from({ length: Number(batchCount) }, (_, b) =>
    ingestBatchSchema("audit-events").parse({
      records: Array.from({ length: Number(batchSize) }, (_, i) => ({
        id: `${label}-${b}-${i}`,
        occurredAt: new Date(Date.UTC(2026, 10, 1, 0, b, i)).toISOString(),
        actorType: "agent",
        actorLabel: `agent ${label}`,
        action: "agent.action_denied",
        category: "agent_enforcement",
        outcome: "denied",
        metadata: { reason: "tool_not_allowed", batch: b },
      })),
    }),
  );
  await Promise.all([
    ...batches.map((batch) =>
      ingestRecords({ identity: { ...identity, scopes: [...identity.scopes] }, db }, "audit-events", batch),
    ),
    ...Array.from({ length: 5 }, (_, i) =>
      recordAuditEvent(
        { orgId, actorType: "system", action: `auth.test_${label}_${i}`, category: "authentication" },
        db,
      ),
    ),
  ]);
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
