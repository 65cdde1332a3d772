import type { Database } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { afterKeyset, keysetOrder, toKeyset, type PopulationSource } from "../population-source";

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
  spec: { source: string; filter: string; where: Prisma.EmailWhereInput },
): PopulationSource<EmailRecord> {
  const { where } = spec;
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
        where: after ? { AND: [where, afterKeyset("sentAt", after)] } : where,
        orderBy: keysetOrder("sentAt", "asc"),
        take,
        select,
      }),
    keyOf: (row) => ({ at: row.sentAt, id: row.id }),
  };
}
