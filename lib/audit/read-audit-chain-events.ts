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
import { hashCopyChainLine, orgMemberOf, type HashedChainLink } from "@/lib/audit/hash-copy-chain-line";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { isoTimestampOfStored } from "@/lib/audit/iso-timestamp-of-stored";
import type { RawSql } from "@/lib/db/raw-sql";
import { sharedVerifiedChainLines } from "@/lib/audit/shared-verified-chain-lines";
import {
  createVerifiedChainLines,
  noVerifiedChainLines,
  type VerifiedChainLines,
} from "@/lib/audit/verified-chain-lines";
import { parseCopyTextLine, readCopyTextLines, readCopyTextRows } from "@/lib/db/read-copy-text-rows";

// Small enough that reading and hashing one page holds the thread for a few
// milliseconds (between pages other requests run: SQLite reads block the
// thread), and that a verification thread's young generation holds the page
// (spawn-chain-segment-thread.ts).
const PAGE_SIZE = 500;

export type SeqRange = { from: number; to: number };

export async function* readAuditChainEvents(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
): AsyncGenerator<StoredChainedEvent> {
  for await (const page of readAuditChainPages(raw, orgId, range)) yield* page;
}

/**
 * An event's columns in the canonical form's key order (hash-audit-event.ts),
 * then the stored hash and the personal fields: PostgreSQL's fast path
 * (hash-copy-chain-line.ts) writes the canonical text from a row front to
 * back, and checks everything before `metadata` for quotes at once.
 */
export const chainEventColumns = Prisma.sql`"action", "actorId", "actorType", "agentId", "category", "id", "occurredAt",
      "outcome", "prevHash", "seq", "source", "sourceApiKeyId", "sourceUserId", "targetId", "targetType", "hash",
      "salt", "actorLabel", "ip", "metadata", "redactions"`;
const seqColumn = 9;

/**
 * The same events a page at a time: verifying a page needs no await per event.
 * Each row becomes an event only when the page is iterated, so few are alive at once.
 */
export function readAuditChainPages(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
): AsyncGenerator<Iterable<StoredChainedEvent>> {
  return readChainRowPages(raw, orgId, range, chainEventColumns, seqColumn, (rows) => eventsOf(orgId, rows));
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

/**
 * PostgreSQL's fast path: the events of one COPY with their hashes recomputed
 * from each line (hashCopyChainLine); a line it leaves takes the field path.
 */
export async function* readAuditChainHashedLinks(
  raw: RawSql,
  orgId: string,
  range: SeqRange,
): AsyncGenerator<Iterable<HashedChainLink>> {
  const orgMember = orgMemberOf(orgId);
  const table = sharedVerifiedChainLines();
  const verified = table ? createVerifiedChainLines(table, orgId) : noVerifiedChainLines;
  const copy = raw.copyOut(chainRowsSql(orgId, range, chainEventColumns, Prisma.empty), "FORMAT text");
  for await (const lines of readCopyTextLines(copy)) {
    if (lines.length > 0) yield hashedLinksOf(orgId, orgMember, lines, verified);
  }
}

function* hashedLinksOf(
  orgId: string,
  orgMember: string,
  lines: string[],
  verified: VerifiedChainLines,
): Generator<HashedChainLink> {
  for (const line of lines) yield hashedLinkOfCopyLine(orgId, orgMember, line, verified);
}

/**
 * One line of chainEventColumns' COPY text, hashed as it stands where that
 * gives the stored hash, else from its fields (whose answer stands).
 */
export function hashedLinkOfCopyLine(
  orgId: string,
  orgMember: string,
  line: string,
  verified: VerifiedChainLines = noVerifiedChainLines,
): HashedChainLink {
  const link = hashCopyChainLine(orgMember, line, verified);
  if (link && link.recomputedHash === link.hash) return link;
  const event = toStoredEvent(orgId, parseCopyTextLine(line));
  return { ...event, recomputedHash: hashAuditEvent(event) };
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

/** A row of chainEventColumns as an event. */
function toStoredEvent(orgId: string, row: unknown[]): StoredChainedEvent {
  return {
    action: row[0] as string,
    actorId: row[1] as Text,
    actorType: row[2] as string,
    agentId: row[3] as Text,
    category: row[4] as string,
    id: row[5] as string,
    occurredAt: isoTimestampOfStored(row[6] as string),
    outcome: row[7] as string,
    prevHash: row[8] as string,
    seq: Number(row[9]),
    source: sourceOf(row[10] as string, row[11] as Text, row[12] as Text),
    targetId: row[13] as Text,
    targetType: row[14] as Text,
    hash: row[15] as string,
    salt: row[16] as string,
    actorLabel: row[17] as Text,
    ip: row[18] as Text,
    metadata: parsedJson<Record<string, unknown>>(row[19]),
    redactions: parsedJson<Record<string, string>>(row[20]),
    orgId,
  };
}

const attestSource: AuditEventSource = { kind: "attest" };

/** Most events are Attest's own: they share one source object instead of one each. */
function sourceOf(source: string, sourceApiKeyId: Text, sourceUserId: Text): AuditEventSource {
  return source === "attest" ? attestSource : fromSourceColumns({ source, sourceApiKeyId, sourceUserId });
}
