// One pass of the purge job: in every org, completed reports older than the
// org's retention and not on legal hold are purged to tombstones
// (purge-report.ts). Safe with several processes: each report's purge is
// leased, and the loser of a race skips it.
import { purgeReport } from "@/lib/compliance/retention/purge-report";
import type { Database } from "@/lib/db";
import { logger } from "@/lib/log/logger";

/** Reports purged per org per pass; the next pass takes the rest. */
const maxPurgesPerOrg = 100;
const defaultPurgeLeaseSeconds = 300;

export async function purgeExpiredReports(
  db: Database,
  {
    workerId,
    now = new Date(),
    leaseSeconds = defaultPurgeLeaseSeconds,
  }: { workerId: string; now?: Date; leaseSeconds?: number },
): Promise<string[]> {
  const purged: string[] = [];
  const orgs = await db.organization.findMany({ select: { id: true, reportRetentionDays: true } });
  for (const org of orgs) {
    const expiredBefore = new Date(now.getTime() - org.reportRetentionDays * 86_400_000);
    const candidates = await db.report.findMany({
      where: { orgId: org.id, status: "completed", legalHold: false, completedAt: { lt: expiredBefore } },
      orderBy: { completedAt: "asc" },
      take: maxPurgesPerOrg,
      select: { id: true },
    });
    for (const candidate of candidates) {
      try {
        const report = { id: candidate.id, orgId: org.id, retentionDays: org.reportRetentionDays };
        if (await purgeReport(db, report, { workerId, now, leaseSeconds })) purged.push(candidate.id);
      } catch (error) {
        logger.error({ err: error, reportId: candidate.id }, "report purge failed; retried on the next pass");
      }
    }
  }
  return purged;
}
