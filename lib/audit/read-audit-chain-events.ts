// Reads an org's chained events in sequence order, a page at a time through
// the raw driver (Prisma's row mapping costs more than the hashing), each
// value in its stored text form so both databases parse the same way. On
// PostgreSQL one COPY streams the whole range (no query per page, no
// row-protocol decoding); SQLite reads keyset pages.
import { Prisma } from "@/lib/generated/sqlite/client";
import type { AuditEventSource } from "@/lib/audit-chain/chained-audit-event";
import type { StoredChainLink } from "@/lib/audit-chain/chain-verification";
import type { StoredChainedEvent } from "@/lib/audit-chain/verify-audit-chain";
import { fromSourceColumns } from "@/lib/audit/audit-event-source-columns";
import type { ChainLinkColumns } from "@/lib/audit/chain-link-columns";
import type { RawSql } from "@/lib/db/raw-sql";
import { readCopyTextRows } from "@/lib/db/read-copy-text-rows";

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
export function readAuditChainPages(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
): AsyncGenerator<Iterable<StoredChainedEvent>> {
  const columns = Prisma.sql`"id", "seq", "prevHash", "hash", "salt", "occurredAt", "actorType", "actorId",
      "actorLabel", "action", "category", "targetType", "targetId", "agentId", "outcome", "ip", "metadata",
      "source", "sourceApiKeyId", "sourceUserId", "redactions"`;
  return readChainRowPages(raw, orgId, range, columns, 1, (rows) => eventsOf(orgId, rows));
}

/**
 * The fast path's form of the same events (StoredChainLink): the database
 * writes the canonical text around the personal digests (chainLinkColumnsOf).
 */
export function readAuditChainLinkPages(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
  { head, tail }: ChainLinkColumns,
): AsyncGenerator<Iterable<StoredChainLink>> {
  const columns = Prisma.sql`"seq", "prevHash", "hash", "salt", "actorLabel", "ip", "metadata", "redactions",
      ${head}, ${tail}`;
  return readChainRowPages(raw, orgId, range, columns, 0, linksOf);
}

/** Rows in sequence order: one COPY on PostgreSQL, keyset pages on SQLite (`seqColumn`: where seq is in a row). */
async function* readChainRowPages<T>(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
  columns: Prisma.Sql,
  seqColumn: number,
  toPage: (rows: unknown[][]) => Iterable<T>,
): AsyncGenerator<Iterable<T>> {
  if (raw.provider === "postgresql") {
    const copy = raw.copyOut(chainRowsSql(orgId, range, columns, Prisma.empty), "FORMAT text");
    for await (const rows of readCopyTextRows(copy)) if (rows.length > 0) yield toPage(rows);
    return;
  }
  let after = range.from - 1;
  for (;;) {
    const rows = await raw.queryArrays(
      chainRowsSql(orgId, { from: after + 1, to: range.to }, columns, Prisma.sql`LIMIT ${PAGE_SIZE}`),
    );
    if (rows.length > 0) yield toPage(rows);
    if (rows.length < PAGE_SIZE) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    after = Number(rows[rows.length - 1]![seqColumn]);
  }
}

/** orgId is the one asked for: not read back for every row. */
function chainRowsSql(orgId: string, { from, to }: SeqRange, columns: Prisma.Sql, limit: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT ${columns}
    FROM "AuditEvent"
    WHERE "orgId" = ${orgId} AND "seq" >= ${from} AND "seq" <= ${to}
    ORDER BY "seq" ${limit}`;
}

function* linksOf(rows: unknown[][]): Generator<StoredChainLink> {
  for (const row of rows) {
    yield {
      seq: Number(row[0]),
      prevHash: row[1] as string,
      hash: row[2] as string,
      salt: row[3] as string,
      actorLabel: row[4] as Text,
      ip: row[5] as Text,
      metadata: parsedJson<Record<string, unknown>>(row[6]),
      redactions: parsedJson<Record<string, string>>(row[7]),
      canonicalHead: row[8] as Text,
      canonicalTail: row[9] as Text,
    };
  }
}

function* eventsOf(orgId: string, rows: unknown[][]): Generator<StoredChainedEvent> {
  for (const row of rows) yield toStoredEvent(orgId, row);
}

type Text = string | null;

/** A JSON column's stored text, parsed; null stays null. */
const parsedJson = <T>(text: unknown): T | null => (text === null ? null : (JSON.parse(text as string) as T));

function toStoredEvent(orgId: string, row: unknown[]): StoredChainedEvent {
  return {
    id: row[0] as string,
    orgId,
    seq: Number(row[1]),
    prevHash: row[2] as string,
    hash: row[3] as string,
    salt: row[4] as string,
    occurredAt: isoTimestampOfStored(row[5] as string),
    actorType: row[6] as string,
    actorId: row[7] as Text,
    actorLabel: row[8] as Text,
    action: row[9] as string,
    category: row[10] as string,
    targetType: row[11] as Text,
    targetId: row[12] as Text,
    agentId: row[13] as Text,
    outcome: row[14] as string,
    ip: row[15] as Text,
    metadata: parsedJson<Record<string, unknown>>(row[16]),
    source: sourceOf(row[17] as string, row[18] as Text, row[19] as Text),
    redactions: parsedJson<Record<string, string>>(row[20]),
  };
}

const attestSource: AuditEventSource = { kind: "attest" };

/** Most events are Attest's own: they share one source object instead of one each. */
function sourceOf(source: string, sourceApiKeyId: Text, sourceUserId: Text): AuditEventSource {
  return source === "attest" ? attestSource : fromSourceColumns({ source, sourceApiKeyId, sourceUserId });
}

const sqliteTimestamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})\+00:00$/;
const postgresTimestamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,3}))?$/;

/**
 * The stored timestamp as toISOString() would write it, without a Date for
 * the forms each database writes: SQLite keeps "…+00:00", PostgreSQL's
 * timestamp(3) text has no zone and drops trailing zeros of the milliseconds.
 * Both are UTC. Any other form goes through Date.
 */
export function isoTimestampOfStored(text: string): string {
  const sqlite = sqliteTimestamp.exec(text);
  if (sqlite) return `${sqlite[1]}Z`;
  const postgres = postgresTimestamp.exec(text);
  if (postgres) return `${postgres[1]}T${postgres[2]}.${(postgres[3] ?? "").padEnd(3, "0")}Z`;
  return new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`).toISOString();
}
