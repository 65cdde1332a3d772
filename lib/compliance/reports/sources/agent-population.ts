import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import {
  afterKeyset,
  keysetOrder,
  pageTimeRange,
  toKeyset,
  type PopulationSource,
  type TimeRange,
} from "../population-source";

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
  spec: { source: string; filter: string; where: Prisma.AgentWhereInput; range: TimeRange },
): PopulationSource<AgentRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.AgentWhereInput = { AND: [spec.where, { createdAt: spec.range }] };
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
        where: {
          AND: [
            spec.where,
            { createdAt: pageTimeRange(spec.range, after) },
            after ? afterKeyset("createdAt", after) : {},
          ],
        },
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
