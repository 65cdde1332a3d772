// Reads an org's chained events in sequence order, a page at a time through
// the raw driver (Prisma's row mapping costs more than the hashing), each
// value in its stored text form so both databases parse the same way.
import { Prisma } from "@/lib/generated/sqlite/client";
import type { StoredChainedEvent } from "@/lib/audit-chain/verify-audit-chain";
import { fromSourceColumns } from "@/lib/audit/audit-event-source-columns";
import type { RawSql } from "@/lib/db/raw-sql";

// Small enough that reading and hashing one page holds the thread for tens of
// milliseconds: between pages other requests run (SQLite reads block the thread).
const PAGE_SIZE = 2_000;

export type SeqRange = { from: number; to: number };

export async function* readAuditChainEvents(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
): AsyncGenerator<StoredChainedEvent> {
  for await (const page of readAuditChainPages(raw, orgId, range)) yield* page;
}

/**
 * The same events a page at a time: verifying a page needs no await per event.
 * Each row becomes an event only when the page is iterated, so few are alive at once.
 */
export async function* readAuditChainPages(
  raw: RawSql,
  orgId: string,
  { from, to }: SeqRange,
): AsyncGenerator<Iterable<StoredChainedEvent>> {
  let after = from - 1;
  for (;;) {
    // orgId is the one asked for: not read back for every row.
    const rows = await raw.queryArrays(
      Prisma.sql`SELECT "id", "seq", "prevHash", "hash", "salt", "occurredAt", "actorType", "actorId",
          "actorLabel", "action", "category", "targetType", "targetId", "agentId", "outcome", "ip", "metadata",
          "source", "sourceApiKeyId", "sourceUserId", "redactions"
        FROM "AuditEvent"
        WHERE "orgId" = ${orgId} AND "seq" > ${after} AND "seq" <= ${to}
        ORDER BY "seq" LIMIT ${PAGE_SIZE}`,
      { asText: true },
    );
    if (rows.length > 0) yield eventsOf(orgId, rows);
    if (rows.length < PAGE_SIZE) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    after = Number(rows[rows.length - 1]![1]);
  }
}

function* eventsOf(orgId: string, rows: unknown[][]): Generator<StoredChainedEvent> {
  for (const row of rows) yield toStoredEvent(orgId, row);
}

type Text = string | null;

function toStoredEvent(orgId: string, row: unknown[]): StoredChainedEvent {
  const [id, seq, prevHash, hash, salt, occurredAt, actorType, actorId, actorLabel, action, category] = row as [
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
    row.slice(11) as [Text, Text, Text, string, Text, Text, string, Text, Text, Text];
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
