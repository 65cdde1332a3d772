// The canonical form of a stored event (hash-audit-event.ts) as SQL: the text
// before and after `personal`, written by the database while it reads the row.
// Reading two strings instead of fourteen values, and joining none of them in
// JavaScript, is most of what verifying an event costs apart from hashing.
// Each value is quoted by the database's JSON quoting, which escapes exactly
// as JSON.stringify does for stored text; a value it would write otherwise (a
// timestamp not in the stored form, a value of another type) gives text that
// cannot match the stored hash, and that event is verified again from its
// fields (verify-stored-chain-segment.ts), so this text decides nothing alone.
import { Prisma } from "@/lib/generated/sqlite/client";
import { chainVersion } from "@/lib/audit-chain/chained-audit-event";
import type { DatabaseProvider } from "@/lib/db/database-url";

type Dialect = {
  /** A column's JSON text: a quoted string, or null. */
  json(column: string): string;
  /** The timestamp as toISOString() writes it, or NULL where the stored text is not in the form expected. */
  isoTimestamp(column: string): string;
};

const dialects: Record<DatabaseProvider, Dialect> = {
  sqlite: {
    json: (column) => `json_quote("${column}")`,
    // Stored as "YYYY-MM-DDTHH:MM:SS.sss+00:00" (isoTimestampOfStored reads the same form).
    isoTimestamp: (column) =>
      `CASE WHEN "${column}" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]+00:00' THEN substr("${column}", 1, 23) || 'Z' END`,
  },
  postgresql: {
    json: (column) => `COALESCE(to_json("${column}")::text, 'null')`,
    // timestamp(3), UTC by convention: always three digits of milliseconds.
    isoTimestamp: (column) => `to_char("${column}", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
};

/** The two SQL expressions (head, tail) of a provider; column names are this codebase's, never values. */
export function chainLinkColumns(provider: DatabaseProvider): { head: Prisma.Sql; tail: Prisma.Sql } {
  const { json, isoTimestamp } = dialects[provider];
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
