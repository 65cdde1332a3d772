// The org's report retention in days (Organization.reportRetentionDays): how
// long a completed report keeps its files before the purge job may take them.
import type { Database } from "@/lib/db";

export async function readReportRetentionDays(db: Database, orgId: string): Promise<number> {
  const org = await db.organization.findUnique({ where: { id: orgId }, select: { reportRetentionDays: true } });
  return org?.reportRetentionDays ?? defaultReportRetentionDays;
}

export const defaultReportRetentionDays = 365;
