// A claimed attempt at generating a report. Every write a worker makes is
// fenced on (reportId, workerId, attempt): once the lease moves on, the old
// holder's writes match no row. One field list is the fence, rendered as a
// Prisma `where` (job writes) and as SQL (chunk writes through the driver).
import { allOf, columnEquals, type SqlCondition } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";

export type ReportLease = { reportId: string; workerId: string; attempt: number };

/** The columns of "Report" a fenced write matches, and their values while the lease holds. */
export function leaseFields(lease: ReportLease) {
  return { id: lease.reportId, status: "pending", leaseOwner: lease.workerId, attempts: lease.attempt } as const;
}

/** The Prisma `where` of a fenced write. */
export function leaseWhere(lease: ReportLease) {
  return { ...leaseFields(lease) };
}

/** The same fields as a condition over "Report", for writes made through the driver. */
export function leaseCondition(lease: ReportLease): SqlCondition {
  return allOf(...Object.entries(leaseFields(lease)).map(([column, value]) => columnEquals(column, value)));
}

/** Extends the lease by `leaseSeconds` from now, through the driver: changes one row while the lease holds, none after. */
export function renewLeaseSql(lease: ReportLease, leaseSeconds: number): Prisma.Sql {
  const expires = new Date(Date.now() + leaseSeconds * 1000);
  return Prisma.sql`UPDATE "Report" SET "leaseExpiresAt" = ${expires} WHERE ${leaseCondition(lease).sql}`;
}
