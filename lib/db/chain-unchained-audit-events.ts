// The data step of the audit_chain migration: links every event stored before
// the chain existed, per org, in a deterministic order (time, then id) after
// whatever the org's chain already holds. Runs inside the migration's
// transaction, a page at a time, so a large trail is never held whole.
import type SqliteDatabase from "better-sqlite3";
import type pg from "pg";
import {
  emptyChainHead,
  linkAuditEvent,
  type ChainHead,
  type LinkedAuditEvent,
} from "@/lib/audit-chain/link-audit-event";
import { toUnlinkedAuditEvent, type AuditEventFields } from "@/lib/audit-chain/to-unlinked-audit-event";
import { fromSourceColumns, type AuditEventSourceColumns } from "@/lib/audit/audit-event-source-columns";

const PAGE_SIZE = 5_000;

/** A stored event's columns in their raw form: text timestamps, and JSON as text on SQLite. */
type StoredRow = Omit<AuditEventFields, "occurredAt" | "metadata"> &
  AuditEventSourceColumns & {
    id: string;
    occurredAt: string;
    metadata: Record<string, unknown> | string | null;
  };

const columns = `"id", "orgId", "actorType", "actorId", "actorLabel", "action", "category", "targetType", "targetId",
  "agentId", "outcome", "ip", "metadata", "source", "sourceApiKeyId", "sourceUserId"`;

function link(head: ChainHead, row: StoredRow): LinkedAuditEvent {
  const metadata =
    typeof row.metadata === "string" ? (JSON.parse(row.metadata) as Record<string, unknown> | null) : row.metadata;
  return linkAuditEvent(
    head,
    toUnlinkedAuditEvent(row.id, { ...row, occurredAt: new Date(row.occurredAt), metadata }, fromSourceColumns(row)),
  );
}

/** Links one page in order, reading an org's head when the page reaches a new org. */
function linkPage(rows: StoredRow[], heads: Map<string, ChainHead>, headOf: (orgId: string) => ChainHead) {
  return rows.map((row) => {
    const head = heads.get(row.orgId) ?? headOf(row.orgId);
    const linked = link(head, row);
    heads.set(row.orgId, { seq: linked.seq, hash: linked.hash });
    return linked;
  });
}

export function chainUnchainedAuditEventsSqlite(connection: SqliteDatabase.Database): number {
  const page = connection.prepare(
    `SELECT ${columns}, "occurredAt" FROM "AuditEvent"
     WHERE "seq" IS NULL AND ("orgId", "occurredAt", "id") > (?, ?, ?)
     ORDER BY "orgId", "occurredAt", "id" LIMIT ${PAGE_SIZE}`,
  );
  const headQuery = connection.prepare(
    `SELECT "seq", "hash" FROM "AuditEvent" WHERE "orgId" = ? AND "seq" IS NOT NULL ORDER BY "seq" DESC LIMIT 1`,
  );
  const update = connection.prepare(
    `UPDATE "AuditEvent" SET "seq" = ?, "prevHash" = ?, "hash" = ?, "salt" = ? WHERE "id" = ?`,
  );
  const heads = new Map<string, ChainHead>();
  const headOf = (orgId: string) => (headQuery.get(orgId) as ChainHead | undefined) ?? emptyChainHead;
  let after: [string, string, string] = ["", "", ""];
  let count = 0;
  for (;;) {
    const rows = page.all(...after) as StoredRow[];
    if (rows.length === 0) return count;
    for (const linked of linkPage(rows, heads, headOf)) {
      update.run(linked.seq, linked.prevHash, linked.hash, linked.salt, linked.id);
    }
    const last = rows[rows.length - 1]!;
    after = [last.orgId, last.occurredAt, last.id];
    count += rows.length;
  }
}

export async function chainUnchainedAuditEventsPostgres(client: pg.Client): Promise<number> {
  const heads = new Map<string, ChainHead>();
  const knownHeads = await client.query<{ orgId: string; seq: number; hash: string }>(
    `SELECT DISTINCT ON ("orgId") "orgId", "seq", "hash" FROM "AuditEvent"
     WHERE "seq" IS NOT NULL ORDER BY "orgId", "seq" DESC`,
  );
  for (const row of knownHeads.rows) heads.set(row.orgId, { seq: row.seq, hash: row.hash });
  let after: [string, string, string] = ["", "-infinity", ""];
  let count = 0;
  for (;;) {
    const { rows } = await client.query<StoredRow & { occurredAtKey: string }>(
      `SELECT ${columns}, "occurredAt"::text AS "occurredAtKey",
         to_char("occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt"
       FROM "AuditEvent"
       WHERE "seq" IS NULL AND ("orgId", "occurredAt", "id") > ($1, $2::timestamp(3), $3)
       ORDER BY "orgId", "occurredAt", "id" LIMIT ${PAGE_SIZE}`,
      after,
    );
    if (rows.length === 0) return count;
    const linked = linkPage(rows, heads, () => emptyChainHead);
    await client.query(
      `UPDATE "AuditEvent" AS e SET "seq" = v."seq", "prevHash" = v."prevHash", "hash" = v."hash", "salt" = v."salt"
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[]) AS v("id", "seq", "prevHash", "hash", "salt")
       WHERE e."id" = v."id"`,
      [
        linked.map((l) => l.id),
        linked.map((l) => l.seq),
        linked.map((l) => l.prevHash),
        linked.map((l) => l.hash),
        linked.map((l) => l.salt),
      ],
    );
    const last = rows[rows.length - 1]!;
    after = [last.orgId, last.occurredAtKey, last.id];
    count += rows.length;
  }
}
