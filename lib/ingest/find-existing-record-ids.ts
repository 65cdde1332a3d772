// Which of these primary keys the org already holds for `kind`: the records of
// a retried batch that were written the first time. The lookup is by primary
// key alone: with the org in the WHERE clause SQLite's planner walks the org's
// index over all its rows instead. The ids are derived from the org
// (derive-record-id.ts), so only the org's own rows can match; the org is still
// checked on each row returned.
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";

export async function findExistingRecordIds(
  tx: IngestTransaction,
  orgId: string,
  kind: IngestKind,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const args = { where: { id: { in: ids } }, select: { id: true, orgId: true } } as const;
  const rows = await (() => {
    switch (kind) {
      case "audit-events":
        return tx.auditEvent.findMany(args);
      case "emails":
        return tx.email.findMany(args);
      case "dlp-violations":
        return tx.dlpViolation.findMany(args);
      case "vault-accesses":
        return tx.vaultAccess.findMany(args);
      case "query-logs":
        return tx.queryLog.findMany(args);
      case "data-sharing-records":
        return tx.dataSharingRecord.findMany(args);
    }
  })();
  return new Set(rows.filter((row) => row.orgId === orgId).map((row) => row.id));
}
