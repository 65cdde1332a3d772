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
  spec: { source: string; filter: string; where: Prisma.AuditEventWhereInput; range: TimeRange },
): PopulationSource<AuditEventRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.AuditEventWhereInput = { AND: [spec.where, { occurredAt: spec.range }] };
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
        where: {
          AND: [
            spec.where,
            { occurredAt: pageTimeRange(spec.range, after) },
            after ? afterKeyset("occurredAt", after) : {},
          ],
        },
        orderBy: keysetOrder("occurredAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.occurredAt, id: row.id }),
  };
}
