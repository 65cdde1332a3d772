// Atomically takes the oldest claimable report: pending, attempts left, and no
// live lease. The statement is the profile's (each database locks its own way).
import type { Database } from "@/lib/db";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import type { ClaimStatement, ReportEngineProfile } from "@/lib/compliance/profiles/report-engine-profile";

export type ClaimedRow = { id: string; attempts: number };

export async function claimReportRow(
  db: Database,
  claim: ClaimStatement,
  profile: ReportEngineProfile = reportEngineProfileOf(db),
): Promise<ClaimedRow | null> {
  const statement = profile.dialect.claimReport(claim);
  const rows = profile.dialect.claimInTransaction
    ? await db.$transaction((tx) => tx.$queryRaw<ClaimedRow[]>(statement))
    : await db.$queryRaw<ClaimedRow[]>(statement);
  const row = rows[0];
  return row ? { id: row.id, attempts: Number(row.attempts) } : null;
}
