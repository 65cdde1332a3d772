import type { Database } from "@/lib/db";

export type AgentDirectory = {
  nameOf(agentId: string | null | undefined): string | null;
  /** The org's own email domains, from its agents' addresses (lower case). */
  orgDomains: ReadonlySet<string>;
};

/**
 * Every agent of the org (a few dozen to a few hundred rows): names for report
 * rows, and the domains that count as "inside the org". Includes paused and
 * retired agents, whose names still label older records.
 */
export async function loadAgentDirectory(db: Database, orgId: string): Promise<AgentDirectory> {
  const agents = await db.agent.findMany({ where: { orgId }, select: { id: true, name: true, emailAddress: true } });
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const orgDomains = new Set<string>();
  for (const agent of agents) {
    const domain = agent.emailAddress.split("@")[1]?.trim().toLowerCase();
    if (domain) orgDomains.add(domain);
  }
  return { nameOf: (agentId) => (agentId ? (names.get(agentId) ?? null) : null), orgDomains };
}
