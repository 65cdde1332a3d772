// Ingest requests for the tests of what a body may hold: an org with a key
// that may write events, and a one-event batch with one field written as raw
// JSON text (so escapes and literals reach the server as a client would send
// them), posted with that key.
import { beforeAll } from "vitest";
import { POST } from "@/app/api/engine/ingest/[kind]/route";
import { createTestApiKey, createTestOrg } from "@/tests/support/fixtures";

export type IngestWriter = { orgId: string; key: string };

/** A fresh org and an `events:write` API key of it, made once before the file's tests. */
export function setUpIngestWriter(): Readonly<IngestWriter> {
  const writer: IngestWriter = { orgId: "", key: "" };
  beforeAll(async () => {
    const org = await createTestOrg();
    writer.orgId = org.orgId;
    writer.key = (await createTestApiKey(org.orgId, ["events:write"])).key;
  });
  return writer;
}

/** A one-event batch whose `field` is the given JSON text, spliced in as written. */
export function auditEventBatchWith(field: string, json: string): string {
  const record = {
    occurredAt: new Date().toISOString(),
    actorType: "system",
    action: "agent.action_denied",
    category: "agent_config",
    outcome: "denied",
    [field]: "VALUE",
  };
  return JSON.stringify({ records: [record] }).replace('"VALUE"', json);
}

export function postAuditEvents(apiKey: string, body: string): Promise<Response> {
  return POST(
    new Request("http://localhost/api/engine/ingest/audit-events", {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body,
    }),
    { params: Promise.resolve({ kind: "audit-events" }) },
  );
}
