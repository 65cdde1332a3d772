// Lists one org's agents for pickers (report scope selects), ordered by name.
import { db as defaultDb, type Database } from "@/lib/db";

export type AgentSummary = { id: string; name: string; emailAddress: string; status: string };

/**
 * Unpaged on purpose: an org runs dozens of agents, and a picker needs all of them
 * (a GDPR export may target a retired agent, so every status is listed).
 */
export async function listAgents(ctx: { orgId: string }, database: Database = defaultDb): Promise<AgentSummary[]> {
  return database.agent.findMany({
    where: { orgId: ctx.orgId },
    select: { id: true, name: true, emailAddress: true, status: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
