// The data step of the audit_chain migration: links every event stored before
// the chain existed, per org, in a deterministic order (time, then id) after
// whatever the org's chain already holds. Runs inside the migration's
// transaction, a page at a time, so a large trail is never held whole.
import type SqliteDatabase from "better-sqlite3";
import type pg from "pg";
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import {
  emptyChainHead,
  linkAuditEvent,
  type ChainHead,
  type LinkedAuditEvent,
} from "@/lib/audit-chain/link-audit-event";

const PAGE_SIZE = 5_000;

type StoredRow = {
  id: string;
  orgId: string;
  /** ISO-8601 text in either database's form. */
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  category: string;
  targetType: string | null;
  targetId: string | null;
  agentId: string | null;
  outcome: string;
  ip: string | null;
  metadata: Record<string, unknown> | string | null;
  source: string;
  sourceApiKeyId: string | null;
  sourceUserId: string | null;
};

const columns = `"id", "orgId", "actorType", "actorId", "actorLabel", "action", "category", "targetType", "targetId",
  "agentId", "outcome", "ip", "metadata", "source", "sourceApiKeyId", "sourceUserId"`;

function link(head: ChainHead, row: StoredRow): LinkedAuditEvent {
  const source: AuditEventSource =
    row.source === "attest"
      ? { kind: "attest" }
      : { kind: "ingest", apiKeyId: row.sourceApiKeyId, userId: row.sourceUserId };
  return linkAuditEvent(head, {
    id: row.id,
    orgId: row.orgId,
    occurredAt: new Date(row.occurredAt),
    actorType: row.actorType,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    category: row.category,
    targetType: row.targetType,
    targetId: row.targetId,
    agentId: row.agentId,
    outcome: row.outcome,
    ip: row.ip,
    metadata:
      typeof row.metadata === "string" ? (JSON.parse(row.metadata) as Record<string, unknown> | null) : row.metadata,
    source,
  });
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
