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
import { Prisma } from "@/lib/generated/sqlite/client";

export type AgentFilter = {
  /** The selected agents, or null for "all agents of the org". */
  agentIds: string[] | null;
  /** Prisma `where` for models whose agentId is required. */
  required: { agentId?: { in: string[] } };
  /** Prisma `where` for models whose agentId is nullable: selected agents + org-level rows. */
  nullable: { OR?: Array<{ agentId: { in: string[] } } | { agentId: null }> };
  /** The same two as SQL conditions on an unqualified "agentId" (TRUE when unfiltered). */
  requiredSql: Prisma.Sql;
  nullableSql: Prisma.Sql;
  /** Human-readable forms of the two, for the population manifest. */
  requiredText: string | null;
  nullableText: string | null;
  /** One sentence for section descriptions. */
  note: string;
};

export function buildAgentFilter(agentIds: readonly string[]): AgentFilter {
  if (agentIds.length === 0) {
    return {
      agentIds: null,
      required: {},
      nullable: {},
      requiredSql: Prisma.sql`1 = 1`,
      nullableSql: Prisma.sql`1 = 1`,
      requiredText: null,
      nullableText: null,
      note: "All agents of the organization are in scope.",
    };
  }
  const ids = [...new Set(agentIds)].sort();
  const list = ids.join(", ");
  return {
    agentIds: ids,
    required: { agentId: { in: ids } },
    nullable: { OR: [{ agentId: { in: ids } }, { agentId: null }] },
    requiredSql: Prisma.sql`"agentId" IN (${Prisma.join(ids)})`,
    nullableSql: Prisma.sql`("agentId" IN (${Prisma.join(ids)}) OR "agentId" IS NULL)`,
    requiredText: `agentId in (${list})`,
    nullableText: `(agentId in (${list}) or agentId is null)`,
    note:
      `Agent filter: records of agents ${list} only; records of other agents are excluded. ` +
      "Org-level records that belong to no agent (sign-ins, user administration, org-wide settings and secrets) " +
      "govern every agent and are included, with an empty agent_id.",
  };
}
