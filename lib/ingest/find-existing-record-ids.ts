// Which of these primary keys the org already holds for `kind`: the records of
// a retried batch that were written the first time. The lookup is by primary
// key alone: with the org in the WHERE clause SQLite's planner walks the org's
// index over all its rows instead. The ids are derived from the org
// (derive-record-id.ts), so only the org's own rows can match; the org is still
// checked on each row returned. A thousand ids go to the database as one bound
// value on the transaction's own connection, not as a thousand of Prisma's
// parameters (docs/benchmarks.md, ingest duplicate lookup).
import { postgresConnectionOf } from "@/lib/db/postgres-connection-of";
import { preparedStatementOn } from "@/lib/db/prepared-statement-on";
import type { IngestTransaction } from "@/lib/ingest/ingest-transaction";
import type { IngestKind } from "@/lib/ingest/parse-ingest-kind";
import type { InsertTarget } from "@/lib/ingest/insert-rows";

const tableOfKind: Record<IngestKind, string> = {
  "audit-events": "AuditEvent",
  emails: "Email",
  "dlp-violations": "DlpViolation",
  "vault-accesses": "VaultAccess",
  "query-logs": "QueryLog",
  "data-sharing-records": "DataSharingRecord",
};

type IdRow = { id: string; orgId: string };

export async function findExistingRecordIds(
  tx: IngestTransaction,
  target: InsertTarget,
  orgId: string,
  kind: IngestKind,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = tableOfKind[kind];
  let rows: IdRow[];
  if (target.provider === "sqlite") {
    const statement = preparedStatementOn(
      target.connection,
      `SELECT "id", "orgId" FROM "${table}" WHERE "id" IN (SELECT "value" FROM json_each(?))`,
    );
    rows = statement.all(JSON.stringify(ids)) as IdRow[];
  } else {
    const connection = await postgresConnectionOf(tx);
    rows = (await connection.query<IdRow>(`SELECT "id", "orgId" FROM "${table}" WHERE "id" = ANY($1::text[])`, [ids]))
      .rows;
  }
  return new Set(rows.filter((row) => row.orgId === orgId).map((row) => row.id));
}
