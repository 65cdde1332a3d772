// Which key signed each of an org's reports, and when: what a report response
// shows of its statement (the JWS itself is served on its own route).
import type { Database } from "@/lib/db/database";

export type StatementSummary = { kid: string; signedAt: string; sha256: string };

export async function findStatementSummaries(
  db: Database,
  orgId: string,
  reportIds: string[],
): Promise<Map<string, StatementSummary>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db.reportStatement.findMany({
    where: { orgId, reportId: { in: reportIds } },
    select: { reportId: true, kid: true, signedAt: true, sha256: true },
  });
  return new Map(
    rows.map((row) => [row.reportId, { kid: row.kid, signedAt: row.signedAt.toISOString(), sha256: row.sha256 }]),
  );
}
