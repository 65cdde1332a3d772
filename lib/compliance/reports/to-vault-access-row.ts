import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import { quoteColumn } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AgentDirectory } from "./load-agent-directory";
import type { RowJsonRendering } from "./population-source";
import type { VaultAccessRecord } from "./sources/vault-access-population";
import { sqliteAgentName, sqliteIsoTimestamp } from "./sqlite-json-values";

/** A vault access as the SOC2 and Audit Summaries list it. */
export function toVaultAccessRow(access: VaultAccessRecord, agents: AgentDirectory): ReportRow {
  return {
    occurred_at: access.occurredAt,
    id: access.id,
    secret_id: access.secretId,
    secret_name: access.secret.name,
    secret_kind: access.secret.kind,
    action: access.action,
    outcome: access.outcome,
    actor_type: access.actorType,
    actor_id: access.actorId,
    actor: access.actorLabel,
    agent_id: access.agentId,
    agent_name: agents.nameOf(access.agentId),
  };
}

/** The access's secret, looked up by its key (a foreign key: every access has one). */
const secretField = (column: string) =>
  Prisma.sql`(SELECT "VaultSecret".${quoteColumn(column)} FROM "VaultSecret"
    WHERE "VaultSecret"."id" = "VaultAccess"."secretId")`;

/**
 * toVaultAccessRow as SQLite renders it over a "VaultAccess" row: the same
 * fields in the same order, the same text (tests/api/row-json.test.ts).
 * PostgreSQL's rows are rendered in node.
 */
export const vaultAccessRowJson: RowJsonRendering = {
  sqlite: Prisma.sql`json_object(
  'occurred_at', ${sqliteIsoTimestamp("occurredAt")},
  'id', "id", 'secret_id', "secretId", 'secret_name', ${secretField("name")}, 'secret_kind', ${secretField("kind")},
  'action', "action", 'outcome', "outcome", 'actor_type', "actorType", 'actor_id', "actorId", 'actor', "actorLabel",
  'agent_id', "agentId", 'agent_name', ${sqliteAgentName("VaultAccess")}
)`,
};
