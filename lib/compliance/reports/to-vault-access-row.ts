import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import type { AgentDirectory } from "./load-agent-directory";
import type { VaultAccessRecord } from "./sources/vault-access-population";

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
