// Reads an org's chained events in sequence order, a page at a time through
// the raw driver (Prisma's row mapping costs more than the hashing), each
// value in its stored text form so both databases parse the same way.
import { Prisma } from "@/lib/generated/sqlite/client";
import type { StoredChainedEvent } from "@/lib/audit-chain/verify-audit-chain";
import { fromSourceColumns } from "@/lib/audit/audit-event-source-columns";
import type { Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";

// Small enough that reading and hashing one page holds the thread for tens of
// milliseconds: between pages other requests run (SQLite reads block the thread).
const PAGE_SIZE = 2_000;

export type SeqRange = { from: number; to: number };

export async function* readAuditChainEvents(
  db: Database,
  orgId: string,
  { from, to }: SeqRange,
): AsyncGenerator<StoredChainedEvent> {
  const raw = rawSqlOf(db);
  let after = from - 1;
  for (;;) {
    const rows = await raw.queryArrays(
      Prisma.sql`SELECT "id", "orgId", "seq", "prevHash", "hash", "salt", "occurredAt", "actorType", "actorId",
          "actorLabel", "action", "category", "targetType", "targetId", "agentId", "outcome", "ip", "metadata",
          "source", "sourceApiKeyId", "sourceUserId", "redactions"
        FROM "AuditEvent"
        WHERE "orgId" = ${orgId} AND "seq" > ${after} AND "seq" <= ${to}
        ORDER BY "seq" LIMIT ${PAGE_SIZE}`,
      { asText: true },
    );
    for (const row of rows) yield toStoredEvent(row);
    if (rows.length < PAGE_SIZE) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    after = Number(rows[rows.length - 1]![2]);
  }
}

type Text = string | null;

function toStoredEvent(row: unknown[]): StoredChainedEvent {
  const [id, orgId, seq, prevHash, hash, salt, occurredAt, actorType, actorId, actorLabel, action, category] = row as [
    string,
    string,
    string | number,
    string,
    string,
    string,
    string,
    string,
    Text,
    Text,
    string,
    string,
  ];
  const [targetType, targetId, agentId, outcome, ip, metadata, source, sourceApiKeyId, sourceUserId, redactions] =
    row.slice(12) as [Text, Text, Text, string, Text, Text, string, Text, Text, Text];
  return {
    id,
    orgId,
    seq: Number(seq),
    prevHash,
    hash,
    salt,
    occurredAt: parseStoredTimestamp(occurredAt),
    actorType,
    actorId,
    actorLabel,
    action,
    category,
    targetType,
    targetId,
    agentId,
    outcome,
    ip,
    metadata: metadata === null ? null : (JSON.parse(metadata) as Record<string, unknown>),
    source: fromSourceColumns({ source, sourceApiKeyId, sourceUserId }),
    redactions: redactions === null ? null : (JSON.parse(redactions) as Record<string, string>),
  };
}

/** SQLite keeps "…+00:00", PostgreSQL's timestamp(3) text has no zone: both are UTC. */
function parseStoredTimestamp(text: string): Date {
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
}
