// The canonical form of a stored event (hash-audit-event.ts) as SQL: the text
// before and after `personal`, written by the database while it reads the row.
// Quoting and joining fourteen values in JavaScript was, after hashing and
// reading, most of what verifying an event cost; SQLite's json_quote() does it
// for almost nothing. It escapes exactly as JSON.stringify does for stored
// text; a value it would write otherwise (a timestamp not in the stored form,
// a value of another type) gives text that cannot match the stored hash, and
// that event is verified again from its fields (verify-stored-chain-segment.ts),
// so this text decides nothing alone.
//
// SQLite only. On PostgreSQL to_json() and to_char() cost the server more CPU
// than quoting and the timestamp cost here (docs/benchmarks.md, audit chain
// fast path); its fast path writes the text from COPY lines (hash-copy-chain-line.ts).
import { Prisma } from "@/lib/generated/sqlite/client";
import { chainVersion } from "@/lib/audit-chain/chained-audit-event";
import type { DatabaseProvider } from "@/lib/db/database-url";

/** A column's JSON text: a quoted string, or null. */
const json = (column: string) => `json_quote("${column}")`;

/** Stored as "YYYY-MM-DDTHH:MM:SS.sss+00:00" (isoTimestampOfStored reads the same form); NULL for any other text. */
const isoTimestamp = (column: string) =>
  `CASE WHEN "${column}" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00' THEN substr("${column}", 1, 23) || 'Z' END`;

export type ChainLinkColumns = { head: Prisma.Sql; tail: Prisma.Sql };

/** The two SQL expressions (head, tail), or null where the provider has no fast path; column names are this codebase's, never values. */
export function chainLinkColumnsOf(provider: DatabaseProvider): ChainLinkColumns | null {
  if (provider !== "sqlite") return null;
  // Keys in RFC 8785 order, as canonicalAuditEvent writes them.
  const head = [
    `'{"action":' || ${json("action")}`,
    `',"actorId":' || ${json("actorId")}`,
    `',"actorType":' || ${json("actorType")}`,
    `',"agentId":' || ${json("agentId")}`,
    `',"category":' || ${json("category")}`,
    `',"id":' || ${json("id")}`,
    `',"occurredAt":"' || ${isoTimestamp("occurredAt")} || '"'`,
    `',"org":' || ${json("orgId")}`,
    `',"outcome":' || ${json("outcome")}`,
    `',"personal":'`,
  ].join(" || ");
  // fromSourceColumns: "attest", or anything else as ingest with its two ids.
  const source = `CASE WHEN "source" = 'attest' THEN '{"kind":"attest"}' ELSE '{"apiKeyId":' || ${json("sourceApiKeyId")} || ',"kind":"ingest","userId":' || ${json("sourceUserId")} || '}' END`;
  const tail = [
    `',"prev":' || ${json("prevHash")}`,
    `',"seq":' || CAST("seq" AS TEXT)`,
    `',"source":' || ${source}`,
    `',"targetId":' || ${json("targetId")}`,
    `',"targetType":' || ${json("targetType")}`,
    `',"v":${chainVersion}}'`,
  ].join(" || ");
  return { head: Prisma.raw(`(${head})`), tail: Prisma.raw(`(${tail})`) };
}
