// Dev tool (SQLite): how long the SOC2 enforcement events of the largest org's
// last 365 days take to become JSON row text two ways: read as values and
// `JSON.stringify`-ed in JavaScript (what the report does), or rendered by
// SQLite itself with json_object (one string per row), without and with
// toAuditEventRow's before/after split of the metadata. A measurement of a
// possible next step, not the report's code.
// Usage: DATABASE_URL=file:./data/bench/attest.db npx tsx scripts/dev/time-json-rendering.ts [rounds]
import Database from "better-sqlite3";
import { getDatabaseUrl, getSqliteFilePath } from "@/lib/db/database-url";

const rounds = Number(process.argv[2] ?? 2);
const connection = new Database(getSqliteFilePath(getDatabaseUrl()), { readonly: true, fileMustExist: true });
const [org] = connection
  .prepare(`SELECT "orgId" FROM "AuditEvent" GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`)
  .pluck()
  .all() as string[];
const to = new Date();
const from = new Date(to.getTime() - 365 * 86_400_000);
const where = `"orgId" = ? AND "category" = 'agent_enforcement' AND "occurredAt" >= ? AND "occurredAt" < ?`;
const parameters = [org, from.toISOString().slice(0, 10), to.toISOString()];
const agentNames = new Map(connection.prepare(`SELECT "id", "name" FROM "Agent"`).raw().all() as [string, string][]);

function renderInJavaScript(): { rows: number; chars: number } {
  const statement = connection
    .prepare(
      `SELECT "id", "occurredAt", "actorType", "actorId", "actorLabel", "action", "category", "targetType",
              "targetId", "agentId", "outcome", "ip", "metadata"
         FROM "AuditEvent" WHERE ${where} ORDER BY "occurredAt", "id"`,
    )
    .raw();
  let rows = 0;
  let chars = 0;
  for (const values of statement.iterate(...parameters) as Iterable<(string | null)[]>) {
    const [id, occurredAt, actorType, actorId, actor, action, category, targetType, targetId, agentId, outcome, ip] =
      values;
    const metadata = values[12];
    const row = {
      occurred_at: `${occurredAt!.slice(0, 23)}Z`,
      id,
      category,
      action,
      outcome,
      actor_type: actorType,
      actor_id: actorId,
      actor,
      agent_id: agentId,
      agent_name: (agentId && agentNames.get(agentId)) ?? null,
      target_type: targetType,
      target_id: targetId,
      ip,
      before: null,
      after: null,
      details: metadata ? (JSON.parse(metadata) as unknown) : null,
    };
    chars += JSON.stringify(row).length;
    rows += 1;
  }
  return { rows, chars };
}

/** Which metadata keys hold a change, as toAuditEventRow decides it: `before`/`after`, `from`/`to`, or neither. */
const changeKeys = `CASE
  WHEN json_type("metadata") = 'object' AND json_type("metadata", '$.before') IS NOT NULL THEN 'before'
  WHEN json_type("metadata") = 'object' AND json_type("metadata", '$.from') IS NOT NULL
   AND json_type("metadata", '$.to') IS NOT NULL THEN 'from'
END`;
/** toAuditEventRow's before/after/details split of the metadata, in SQL. */
const splitMetadata = `'before', json(CASE ${changeKeys} WHEN 'before' THEN "metadata" -> '$.before' WHEN 'from' THEN "metadata" -> '$.from' END),
  'after', json(CASE ${changeKeys} WHEN 'before' THEN "metadata" -> '$.after' WHEN 'from' THEN "metadata" -> '$.to' END),
  'details', json(CASE ${changeKeys}
    WHEN 'before' THEN nullif(json_remove("metadata", '$.before', '$.after'), '{}')
    WHEN 'from' THEN nullif(json_remove("metadata", '$.from', '$.to'), '{}')
    ELSE nullif(json("metadata"), '{}')
  END)`;

function renderInSqlite(metadata: string): { rows: number; chars: number } {
  const statement = connection
    .prepare(
      `SELECT json_object('occurred_at', substr("occurredAt", 1, 23) || 'Z', 'id', "id", 'category', "category",
              'action', "action", 'outcome', "outcome", 'actor_type', "actorType", 'actor_id', "actorId",
              'actor', "actorLabel", 'agent_id', "agentId",
              'agent_name', (SELECT a."name" FROM "Agent" a WHERE a."id" = e."agentId"),
              'target_type', "targetType", 'target_id', "targetId", 'ip', "ip", ${metadata})
         FROM "AuditEvent" e WHERE ${where} ORDER BY "occurredAt", "id"`,
    )
    .pluck();
  let rows = 0;
  let chars = 0;
  for (const text of statement.iterate(...parameters) as Iterable<string>) {
    chars += text.length;
    rows += 1;
  }
  return { rows, chars };
}

for (let round = 0; round < rounds; round++) {
  for (const [name, render] of [
    ["values + JSON.stringify", renderInJavaScript],
    ["json_object, no split", () => renderInSqlite(`'before', NULL, 'after', NULL, 'details', json("metadata")`)],
    ["json_object with split", () => renderInSqlite(splitMetadata)],
  ] as const) {
    const started = performance.now();
    const { rows, chars } = render();
    console.log(
      `${name.padEnd(24)} ${rows.toLocaleString()} rows, ${(chars / 1e6).toFixed(0)} M characters, ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );
  }
}
connection.close();
