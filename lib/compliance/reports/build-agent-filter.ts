// What "agent filter" means in every report, in one place.
//
// Records that belong to an agent (emails, DLP violations, denied actions, an
// agent's config changes, secret reads by an agent) are kept only for the
// selected agents. Records that belong to no agent (agentId null: people
// signing in, user administration, org-wide settings, org-wide secrets and
// processing activities) are org-level controls that govern every agent, so
// they stay in an agent-scoped report, flagged by an empty agent_id. Records
// of any other agent never appear. GDPR's "org-wide + this agent's" processing
// activities are the same rule.
import { anyOf, columnIn, columnIsNull, everyRow, type SqlCondition } from "@/lib/db/sql-condition";

export type AgentFilter = {
  /** The selected agents, or null for "all agents of the org". */
  agentIds: string[] | null;
  /** For records whose agentId is required: the selected agents' (every row when unfiltered). */
  required: SqlCondition;
  /** For records whose agentId is nullable: the selected agents' plus org-level rows. */
  nullable: SqlCondition;
  /** One sentence for section descriptions. */
  note: string;
};

export function buildAgentFilter(agentIds: readonly string[]): AgentFilter {
  if (agentIds.length === 0) {
    return {
      agentIds: null,
      required: everyRow,
      nullable: everyRow,
      note: "All agents of the organization are in scope.",
    };
  }
  const ids = [...new Set(agentIds)].sort();
  const required = columnIn("agentId", ids);
  return {
    agentIds: ids,
    required,
    nullable: anyOf(required, columnIsNull("agentId")),
    note:
      `Agent filter: records of agents ${ids.join(", ")} only; records of other agents are excluded. ` +
      "Org-level records that belong to no agent (sign-ins, user administration, org-wide settings and secrets) " +
      "govern every agent and are included, with an empty agent_id.",
  };
}
