// One page of an org's agents with their permission boundaries, for the agents page.
import { z } from "zod";
import { agentStatuses, type AgentStatus } from "@/lib/agents/agent-statuses";
import { db } from "@/lib/db";

export type AgentSummary = {
  id: string;
  name: string;
  emailAddress: string;
  description: string;
  status: AgentStatus | "unknown";
  allowedTools: string[];
  allowedRecipientDomains: string[];
  dailySendLimit: number;
};

export type AgentPage = { agents: AgentSummary[]; total: number; page: number; pageSize: number; pageCount: number };

// Boundaries are JSON arrays of strings; anything else is shown as empty rather than crashing the page.
const stringList = z.array(z.string()).catch([]);

export async function listAgentsWithBoundaries(
  ctx: { orgId: string },
  options: { page?: number; pageSize?: number } = {},
) {
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const where = { orgId: ctx.orgId };
  const total = await db.agent.count({ where });
  const pageCount = Math.max(Math.ceil(total / pageSize), 1);
  const page = Math.min(Math.max(Math.trunc(options.page ?? 1), 1), pageCount);
  const rows = await db.agent.findMany({
    where,
    select: {
      id: true,
      name: true,
      emailAddress: true,
      description: true,
      status: true,
      allowedTools: true,
      allowedRecipientDomains: true,
      dailySendLimit: true,
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const agents: AgentSummary[] = rows.map((row) => ({
    ...row,
    status: (agentStatuses as readonly string[]).includes(row.status) ? (row.status as AgentStatus) : "unknown",
    allowedTools: stringList.parse(row.allowedTools),
    allowedRecipientDomains: stringList.parse(row.allowedRecipientDomains),
  }));
  return { agents, total, page, pageSize, pageCount } satisfies AgentPage;
}
