// Dev tool (PostgreSQL): how much CPU reading the SOC2 enforcement events of
// the largest org's last 365 days costs two ways — keyset pages of 2,000 rows
// through node-postgres's row protocol with its type parsers (how populations
// were read until session 7), and one `COPY … TO STDOUT` parsed by
// readCopyTextRows (how they are read now) — each with and without rendering
// the rows as JSON text. Prints wall time, this process's CPU and the
// PostgreSQL server's CPU (all `postgres` processes in /proc, Linux only).
// Usage: DATABASE_URL=postgres://… npx tsx scripts/dev/time-pg-population-reads.ts [rounds]
import fs from "node:fs";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { getDatabaseUrl } from "@/lib/db/database-url";
import { readCopyTextRows } from "@/lib/db/read-copy-text-rows";
import { loadAgentDirectory, type AgentDirectory } from "@/lib/compliance/reports/load-agent-directory";
import { auditEventSelectList, toAuditEventRecord } from "@/lib/compliance/reports/sources/audit-event-population";
import { toAuditEventRow } from "@/lib/compliance/reports/to-audit-event-row";
import { createDatabaseClient } from "@/lib/db";

const rounds = Number(process.argv[2] ?? 2);
const pageSize = 2_000;
const columns = auditEventSelectList.sql;

/** CPU milliseconds of every postgres process, exited backends included (the postmaster's cutime). */
function postgresCpuMs(): number {
  const tick = 10;
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes("(postgres)")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) * tick;
    } catch {
      // The process exited while we looked.
    }
  }
  return total;
}

/** The report's own rendering of one audit event row: record, row, JSON text. */
function toRowJson(values: unknown[], agents: AgentDirectory): number {
  return JSON.stringify(toAuditEventRow(toAuditEventRecord(values), agents)).length;
}

async function main() {
  // As lib/db/raw-sql.ts read timestamp(3): UTC text, not local time.
  const client = new pg.Client({
    connectionString: getDatabaseUrl(),
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === 1114 && format !== "binary"
          ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  const [{ orgId }] = (
    await client.query<{ orgId: string }>(`SELECT "orgId" FROM "AuditEvent" GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`)
  ).rows as [{ orgId: string }];
  const prisma = createDatabaseClient(getDatabaseUrl());
  const agents = await loadAgentDirectory(prisma, orgId);
  await prisma.$disconnect();
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const timestamp = (date: Date) => date.toISOString().slice(0, 23).replace("T", " ");
  const where = `"orgId" = ${pg.escapeLiteral(orgId)} AND "category" = 'agent_enforcement' AND "occurredAt" >= '${timestamp(from)}'::timestamp(3) AND "occurredAt" < '${timestamp(to)}'::timestamp(3)`;

  async function keysetPages(render: boolean): Promise<number> {
    let rows = 0;
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const cursor = after
        ? `AND "occurredAt" >= $1::timestamp(3) AND ("occurredAt" > $1::timestamp(3) OR ("occurredAt" = $1::timestamp(3) AND "id" > $2))`
        : "";
      const page: pg.QueryArrayResult<unknown[]> = await client.query({
        text: `SELECT ${columns} FROM "AuditEvent" WHERE ${where} ${cursor} ORDER BY "occurredAt", "id" LIMIT ${pageSize}`,
        values: after ? [after.at, after.id] : [],
        rowMode: "array",
      });
      for (const values of page.rows) if (!render || toRowJson(values, agents) > 0) rows++;
      const last = page.rows.at(-1);
      if (page.rows.length < pageSize || !last) return rows;
      after = { at: timestamp(last[1] as Date), id: String(last[0]) };
    }
  }

  async function copyText(render: boolean): Promise<number> {
    let rows = 0;
    const copy = client.query(
      copyTo(`COPY (SELECT ${columns} FROM "AuditEvent" WHERE ${where} ORDER BY "occurredAt", "id") TO STDOUT`),
    );
    for await (const batch of readCopyTextRows(copy)) {
      for (const values of batch) if (!render || toRowJson(values, agents) > 0) rows++;
    }
    return rows;
  }

  for (let round = 0; round < rounds; round++) {
    for (const [label, read] of [
      ["keyset pages, row protocol", keysetPages],
      ["COPY text, readCopyTextRows", copyText],
    ] as const) {
      for (const render of [false, true]) {
        const postgresBefore = postgresCpuMs();
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const rows = await read(render);
        const wall = performance.now() - started;
        const cpu = process.cpuUsage(cpuBefore);
        console.log(
          `${label}${render ? " + JSON rows" : ""}: ${rows} rows, wall ${Math.round(wall)} ms, ` +
            `node CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms, postgres CPU ${postgresCpuMs() - postgresBefore} ms`,
        );
      }
    }
  }
  await client.end();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
