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
  sentAt: true,
  direction: true,
  messageId: true,
  fromAddress: true,
  toAddresses: true,
  ccAddresses: true,
  subject: true,
  body: true,
} satisfies Prisma.EmailSelect;

export type EmailRecord = Prisma.EmailGetPayload<{ select: typeof select }>;

export function createEmailPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.EmailWhereInput; range: TimeRange },
): PopulationSource<EmailRecord> {
  // `where` holds every condition but time; the time range is applied here so
  // each page can start its index range at the cursor.
  const where: Prisma.EmailWhereInput = { AND: [spec.where, { sentAt: spec.range }] };
  return {
    source: spec.source,
    filter: spec.filter,
    count: () => db.email.count({ where }),
    edge: async (direction) =>
      toKeyset(
        "sentAt",
        await db.email.findFirst({
          where,
          orderBy: keysetOrder("sentAt", direction),
          select: { id: true, sentAt: true },
        }),
      ),
    page: (after, take) =>
      db.email.findMany({
        where: {
          AND: [spec.where, { sentAt: pageTimeRange(spec.range, after) }, after ? afterKeyset("sentAt", after) : {}],
        },
        orderBy: keysetOrder("sentAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.sentAt, id: row.id }),
  };
}
