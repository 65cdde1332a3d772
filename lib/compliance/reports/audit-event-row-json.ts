// toAuditEventRow's rows rendered without node building them: by SQLite, or
// from PostgreSQL's COPY lines (tests/api/row-json.test.ts compares each with
// JSON.stringify of the row).
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentDirectory } from "./load-agent-directory";
import type { RowJsonRendering } from "./population-source";
import { renderAuditEventCopyLine } from "./render-audit-event-copy-line";
import { auditEventSelectList } from "./sources/audit-event-population";
import { sqliteAgentName, sqliteIsoTimestamp } from "./sqlite-json-values";

// The metadata's shapes toAuditEventRow tells apart: a change {before, after}
// and a role change {from, to} (key present, whatever its value).
const hasBefore = Prisma.sql`json_type("metadata", '$.before') IS NOT NULL`;
const hasFromTo = Prisma.sql`json_type("metadata", '$.from') IS NOT NULL AND json_type("metadata", '$.to') IS NOT NULL`;

/**
 * toAuditEventRow as SQLite renders it over an "AuditEvent" row: the same
 * fields in the same order, the same text. Stored metadata is JSON.stringify's
 * text, which json() keeps as it is.
 */
const sqliteAuditEventRow = Prisma.sql`json_object(
  'occurred_at', ${sqliteIsoTimestamp("occurredAt")},
  'id', "id", 'seq', "seq", 'category', "category", 'action', "action", 'outcome', "outcome",
  'actor_type', "actorType", 'actor_id', "actorId", 'actor', "actorLabel",
  'agent_id', "agentId", 'agent_name', ${sqliteAgentName("AuditEvent")},
  'target_type', "targetType", 'target_id', "targetId", 'ip', "ip",
  'written_by', CASE WHEN "source" <> 'ingest' THEN "source"
    WHEN "sourceApiKeyId" IS NOT NULL THEN 'ingest (API key ' || "sourceApiKeyId" || ')'
    WHEN "sourceUserId" IS NOT NULL THEN 'ingest (user ' || "sourceUserId" || ')'
    ELSE 'ingest' END,
  'before', CASE WHEN ${hasBefore} THEN json("metadata" -> '$.before')
    WHEN ${hasFromTo} THEN json("metadata" -> '$.from') END,
  'after', CASE WHEN ${hasBefore} THEN json("metadata" -> '$.after')
    WHEN ${hasFromTo} THEN json("metadata" -> '$.to') END,
  'details', json(nullif(nullif(CASE WHEN ${hasBefore} THEN json_remove("metadata", '$.before', '$.after')
    WHEN ${hasFromTo} THEN json_remove("metadata", '$.from', '$.to') ELSE "metadata" END, '{}'), 'null'))
)`;

/** The rendering of toAuditEventRow(event, agents) on each database. */
export function auditEventRowJson(agents: AgentDirectory): RowJsonRendering {
  return {
    sqlite: sqliteAuditEventRow,
    postgres: { columns: auditEventSelectList, renderLine: (line) => renderAuditEventCopyLine(line, agents) },
  };
}
