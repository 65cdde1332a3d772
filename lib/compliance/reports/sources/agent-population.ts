import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

const select = {
  id: true,
  createdAt: true,
  updatedAt: true,
  name: true,
  emailAddress: true,
  status: true,
  allowedTools: true,
  allowedRecipientDomains: true,
  dailySendLimit: true,
} satisfies Prisma.AgentSelect;

export type AgentRecord = Prisma.AgentGetPayload<{ select: typeof select }>;

export function createAgentPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.AgentWhereInput },
): PopulationSource<AgentRecord> {
  const { where } = spec;
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.agent.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "createdAt",
        await db.agent.findFirst({
          where,
          orderBy: keysetOrder("createdAt", direction),
          select: { id: true, createdAt: true },
        }),
      ),
    page: (after, take) =>
      db.agent.findMany({
        where: after ? { AND: [where, afterKeyset("createdAt", after)] } : where,
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
