// A valid chain of varied events (users and systems, metadata, ingested
// ones), for tests of the chain's verification.
import { randomBytes } from "node:crypto";
import { genesisHash, type ChainedAuditEvent } from "@/lib/audit-chain/chained-audit-event";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";

/** Events as written (occurredAt a Date), which verification takes like stored ones. */
export function buildChain(length: number): Array<ChainedAuditEvent & { hash: string }> {
  const events: Array<ChainedAuditEvent & { hash: string }> = [];
  let prevHash = genesisHash;
  for (let seq = 1; seq <= length; seq += 1) {
    const event: ChainedAuditEvent = {
      id: `evt_${seq}`,
      orgId: "org_1",
      seq,
      prevHash,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      actorType: seq % 2 ? "user" : "system",
      actorId: seq % 2 ? "usr_1" : null,
      actorLabel: seq % 2 ? "jane@acme.test" : null,
      action: seq % 3 ? "auth.login" : "agent.config_changed",
      category: seq % 3 ? "authentication" : "agent_config",
      targetType: null,
      targetId: null,
      agentId: seq % 3 ? null : "agt_1",
      outcome: "success",
      ip: seq % 2 ? "203.0.113.7" : null,
      metadata: seq % 3 ? null : { before: { tools: ["a"] }, after: { tools: ["a", "b"] }, email: "jane@acme.test" },
      source: seq % 4 ? { kind: "attest" } : { kind: "ingest", apiKeyId: "key_1", userId: null },
      salt: randomBytes(16).toString("hex"),
      redactions: null,
    };
    const hash = hashAuditEvent(event);
    events.push({ ...event, hash });
    prevHash = hash;
  }
  return events;
}
