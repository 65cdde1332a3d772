import type { Database } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource, TimeRange } from "../population-source";
import { createSqlPopulation, toDate, toNullableDate } from "../sql-population";

export type MembershipRecord = {
  id: string;
  createdAt: Date;
  role: string;
  user: { id: string; email: string; name: string; disabledAt: Date | null };
};

const userColumn = (column: string) =>
  Prisma.raw(`(SELECT u."${column}" FROM "User" u WHERE u."id" = "Membership"."userId")`);

/** An org's members with their role and account. */
export function createMembershipPopulation(
  db: Database,
  spec: { source: string; filter: string; where: Prisma.Sql; range: TimeRange },
): PopulationSource<MembershipRecord> {
  return createSqlPopulation(db, {
    ...spec,
    table: "Membership",
    timeColumn: "createdAt",
    columns: Prisma.sql`"id", "createdAt", "role", "userId",
      ${userColumn("email")} AS "userEmail", ${userColumn("name")} AS "userName",
      ${userColumn("disabledAt")} AS "userDisabledAt"`,
    toRecord: ([id, createdAt, role, userId, email, name, disabledAt]) => ({
      id: String(id),
      createdAt: toDate(createdAt),
      role: String(role),
      user: { id: String(userId), email: String(email), name: String(name), disabledAt: toNullableDate(disabledAt) },
    }),
    keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  });
}
