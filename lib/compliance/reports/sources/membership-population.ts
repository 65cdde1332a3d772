import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

const select = {
  id: true,
  createdAt: true,
  role: true,
  user: { select: { id: true, email: true, name: true, disabledAt: true } },
} satisfies Prisma.MembershipSelect;

export type MembershipRecord = Prisma.MembershipGetPayload<{ select: typeof select }>;

export function createMembershipPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.MembershipWhereInput },
): PopulationSource<MembershipRecord> {
  const { where } = spec;
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.membership.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "createdAt",
        await db.membership.findFirst({
          where,
          orderBy: keysetOrder("createdAt", direction),
          select: { id: true, createdAt: true },
        }),
      ),
    page: (after, take) =>
      db.membership.findMany({
        where: after ? { AND: [where, afterKeyset("createdAt", after)] } : where,
        orderBy: keysetOrder("createdAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  };
}
