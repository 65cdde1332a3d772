import type { JsonValue, ReportRow } from "@/lib/compliance/reports/report-definition";
import type { AgentDirectory } from "./load-agent-directory";
import type { AuditEventRecord } from "./sources/audit-event-population";
import { toJsonValue } from "./to-json-value";

/** Columns of an audit event row, in CSV order. */
export const auditEventColumns = [
  "occurred_at",
  "id",
  "seq",
  "category",
  "action",
  "outcome",
  "actor_type",
  "actor_id",
  "actor",
  "agent_id",
  "agent_name",
  "target_type",
  "target_id",
  "ip",
  "written_by",
  "before",
  "after",
  "details",
] as const;

/**
 * One audit event as a report row. A change's before/after (agent and system
 * config `{before, after}`, a role change's `{from, to}`) get their own
 * columns so a reviewer can read the change without parsing JSON; the rest of
 * the metadata stays in `details`.
 */
export function toAuditEventRow(event: AuditEventRecord, agents: AgentDirectory): ReportRow {
  const metadata = toJsonValue(event.metadata);
  let before: JsonValue = null;
  let after: JsonValue = null;
  let details: JsonValue = metadata;
  if (metadata !== null && typeof metadata === "object" && !Array.isArray(metadata)) {
    const beforeKey = "before" in metadata ? "before" : "from" in metadata && "to" in metadata ? "from" : null;
    const afterKey = beforeKey === "before" ? "after" : beforeKey === "from" ? "to" : null;
    if (beforeKey && afterKey) {
      before = metadata[beforeKey] ?? null;
      after = metadata[afterKey] ?? null;
      // The rest of the metadata, built once (no copy-then-delete per row).
      let rest: { [key: string]: JsonValue } | null = null;
      for (const key in metadata) {
        if (key === beforeKey || key === afterKey) continue;
        (rest ??= {})[key] = metadata[key]!;
      }
      details = rest;
    } else {
      details = Object.keys(metadata).length > 0 ? metadata : null;
    }
  }
  return {
    occurred_at: event.occurredAt,
    id: event.id,
    seq: event.seq,
    category: event.category,
    action: event.action,
    outcome: event.outcome,
    actor_type: event.actorType,
    actor_id: event.actorId,
    actor: event.actorLabel,
    agent_id: event.agentId,
    agent_name: agents.nameOf(event.agentId),
    target_type: event.targetType,
    target_id: event.targetId,
    ip: event.ip,
    written_by: writtenBy(event),
    before,
    after,
    details,
  };
}

/** Provenance as a reviewer reads it: Attest itself, or ingest and who sent it. */
function writtenBy({ source, sourceApiKeyId, sourceUserId }: AuditEventRecord): string {
  if (source !== "ingest") return source;
  if (sourceApiKeyId) return `ingest (API key ${sourceApiKeyId})`;
  if (sourceUserId) return `ingest (user ${sourceUserId})`;
  return "ingest";
}
