// A claimed attempt at generating a report. Every write a worker makes is
// fenced on (reportId, workerId, attempt): once the lease moves on, the old
// holder's writes match no row.
import { Prisma } from "@/lib/generated/sqlite/client";
import { getEnv } from "@/lib/env";

export type ReportLease = { reportId: string; workerId: string; attempt: number };

/** The Prisma `where` of a fenced write. */
export function leaseWhere(lease: ReportLease) {
  return { id: lease.reportId, status: "pending", leaseOwner: lease.workerId, attempts: lease.attempt };
}

/** The same condition as SQL over "Report", for writes made through the driver. */
export function leaseSql(lease: ReportLease): Prisma.Sql {
  return Prisma.sql`"id" = ${lease.reportId} AND "status" = 'pending' AND "leaseOwner" = ${lease.workerId} AND "attempts" = ${lease.attempt}`;
}

/** Extends the lease by `leaseSeconds` from now, through the driver: changes one row while the lease holds, none after. */
export function renewLeaseSql(lease: ReportLease, leaseSeconds: number): Prisma.Sql {
  const expires = new Date(Date.now() + leaseSeconds * 1000);
  return Prisma.sql`UPDATE "Report" SET "leaseExpiresAt" = ${expires} WHERE ${leaseSql(lease)}`;
}

export const defaultLeaseSeconds = 60;

export function leaseSecondsFromEnv(): number {
  return getEnv().REPORT_LEASE_SECONDS;
}
