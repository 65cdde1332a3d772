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
  role: true,
  user: { select: { id: true, email: true, name: true, disabledAt: true } },
} satisfies Prisma.MembershipSelect;

export type MembershipRecord = Prisma.MembershipGetPayload<{ select: typeof select }>;

export function createMembershipPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.MembershipWhereInput; range: TimeRange },
): PopulationSource<MembershipRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.MembershipWhereInput = { AND: [spec.where, { createdAt: spec.range }] };
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
