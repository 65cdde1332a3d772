// Ingest requests for the tests of what a body may hold: a one-event batch
// with one field written as raw JSON text (so escapes and literals reach the
// server as a client would send them), posted with an API key.
import { POST } from "@/app/api/engine/ingest/[kind]/route";

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
