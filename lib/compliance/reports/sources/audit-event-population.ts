import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

const select = {
  id: true,
  occurredAt: true,
  actorType: true,
  actorId: true,
  actorLabel: true,
  action: true,
  category: true,
  targetType: true,
  targetId: true,
  agentId: true,
  outcome: true,
  ip: true,
  metadata: true,
} satisfies Prisma.AuditEventSelect;

export type AuditEventRecord = Prisma.AuditEventGetPayload<{ select: typeof select }>;

export function createAuditEventPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.AuditEventWhereInput },
): PopulationSource<AuditEventRecord> {
  const { where } = spec;
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.auditEvent.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "occurredAt",
        await db.auditEvent.findFirst({
          where,
          orderBy: keysetOrder("occurredAt", direction),
          select: { id: true, occurredAt: true },
        }),
      ),
    page: (after, take) =>
      db.auditEvent.findMany({
        where: after ? { AND: [where, afterKeyset("occurredAt", after)] } : where,
        orderBy: keysetOrder("occurredAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.occurredAt, id: row.id }),
  };
}
