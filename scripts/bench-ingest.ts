// npm run bench:ingest — the ingest API against the database's own bulk insert, in one run:
//   1. seeds (or reuses) the benchmark database (the demo data set at BENCH_SCALE,
//      default 20), adds an agent of the largest org to write to, and waits
//      until what the seed wrote is on disk;
//   2. starts the real server (`node scripts/start.mjs`) on that database;
//   3. for audit events (about 300 bytes each, every one linked into the org's
//      hash chain) and emails (a body of about 1.6 KB each), in batches of 1,000
//      with client ids and times that advance through the run (its bodies built
//      before its clock starts): the API with one client, then with four at
//      once, while list/status requests are sent every BENCH_PING_MS (50) on a
//      new TCP connection each (from a thread of their own:
//      bench/ping-worker.ts), and the server's RSS is sampled;
//   4. the baseline: the CLI (sqlite3, or psql on PostgreSQL) inserting the very
//      rows the one-client run wrote, copied into a staging table beforehand,
//      into the same table and indexes in one transaction (`INSERT … SELECT`),
//      durable like the API's commits (SQLite: synchronous=FULL); the copies are
//      deleted afterwards.
// Each kind runs BENCH_RUNS times (default 3), API and baseline side by side;
// figures are medians. The target: the API within 4× of the baseline's rows/s,
// with one client and with four, and list/status p99 ≤ 100 ms during the load.
//
// Environment: BENCH_DATABASE_URL (else DATABASE_URL, else file:./data/bench/attest.db),
// BENCH_SCALE (20), BENCH_PORT (3458), BENCH_PING_MS (50), BENCH_RUNS (3),
// BENCH_INGEST_BATCHES (20 batches of 1,000 per run and client count),
// BENCH_INGEST_KINDS (audit-events,emails).
// Results: printed, and written to data/bench/ingest-results.json.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabaseClient, type Database } from "@/lib/db";
import { getDatabaseProvider, getSqliteFilePath } from "@/lib/db/database-url";
import { ensureBenchDataset } from "./bench-dataset";
import { buildIngestBatch, recordSpacingMs, type IngestBenchKind } from "./bench/build-ingest-batch";
import { startPinger, type PingFigures } from "./bench/start-pinger";
import { createBenchKey, descendants, readStatusKb, request, sleep, startServer, stopServer } from "./bench-server";

const root = process.cwd();
const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? `file:${path.join(root, "data", "bench", "attest.db")}`;
const provider = getDatabaseProvider(databaseUrl);
const scale = Number(process.env.BENCH_SCALE ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3458);
const pingEveryMs = Number(process.env.BENCH_PING_MS ?? 50);
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const batchesPerRun = Math.max(4, Number(process.env.BENCH_INGEST_BATCHES ?? 20));
const kinds = (process.env.BENCH_INGEST_KINDS ?? "audit-events,emails")
  .split(",")
  .map((kind) => kind.trim()) as IngestBenchKind[];
const batchSize = 1000;
const clientCounts = [1, 4] as const;
const resultsDir = path.join(root, "data", "bench");

/** Each kind's table, and the text column whose value starts with (or, for JSON, contains) the batch's tag. */
const tables: Record<IngestBenchKind, { table: string; tagged: (tag: string) => string }> = {
  "audit-events": {
    table: "AuditEvent",
    tagged: (tag) => `${provider === "postgresql" ? `"metadata"::text` : `"metadata"`} LIKE '%"${tag}-%'`,
  },
  emails: { table: "Email", tagged: (tag) => `"subject" LIKE '${tag}-%'` },
};

type ApiRun = {
  clients: number;
  records: number;
  megabytes: number;
  seconds: number;
  recordsPerSecond: number;
  megabytesPerSecond: number;
  ping: PingFigures;
  peakRssMb: number;
};
type BaselineRun = { records: number; seconds: number; recordsPerSecond: number };

async function main(): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  console.log(`Attest ingest bench — ${provider}, scale ${scale}, ${os.cpus().length} CPUs, Node ${process.version}`);
  const db = createDatabaseClient(databaseUrl);
  try {
    await ensureBenchDataset(db, databaseUrl, scale);
    const target = await prepareTarget(db);
    flushDatabaseToDisk();
    const apiKey = await createBenchKey(db, target.orgId, "events:write reports:read reports:write");
    // The per-key request limit guards a shared server; the bench measures the database's pace.
    const server = await startServer({ port, databaseUrl, env: { ATTEST_INGEST_RATE_LIMIT: "1000000" } });
    const results: Record<string, unknown>[] = [];
    try {
      const statusReportId = await queueStatusReport(apiKey);
      // The first batches load the route's code and start the writer thread: start-up, not throughput.
      const warmUp = `warm-up-${Date.now().toString(36)}`;
      await pushBatches("audit-events", apiKey, buildBatches("audit-events", [target.agentId], warmUp, 2), 1);
      for (const kind of kinds) {
        console.log(`\n▶ ${kind}, batches of ${batchSize}`);
        const apiRuns: ApiRun[] = [];
        const baselines: BaselineRun[] = [];
        for (let round = 0; round < runs; round++) {
          const tag = `bench-${Date.now().toString(36)}-${round}`;
          for (const clients of clientCounts) {
            const run = await measureApi(kind, apiKey, target.agentId, `${tag}-c${clients}`, clients, {
              serverPid: server.pid,
              statusReportId,
            });
            apiRuns.push(run);
            console.log(
              `  API, ${clients} client${clients > 1 ? "s" : ""}: ${fmt(run.recordsPerSecond, 0)} records/s, ${fmt(run.megabytesPerSecond, 1)} MB/s; list/status p99 ${fmt(run.ping.p99, 0)} ms (${run.ping.count} pings, ${run.ping.errors} errors); RSS ${fmt(run.peakRssMb, 0)} MB`,
            );
          }
          const baseline = runBaseline(kind, target, `${tag}-c1`);
          baselines.push(baseline);
          console.log(
            `  ${baselineTool} INSERT … SELECT of the same ${baseline.records} rows, one transaction: ${fmt(baseline.recordsPerSecond, 0)} rows/s`,
          );
        }
        results.push(summarize(kind, apiRuns, baselines));
      }
    } finally {
      await stopServer(server.child);
    }
    const peakRssMb = Math.max(server.hwm(), ...results.flatMap((r) => (r as { peakRssMb: number }).peakRssMb));
    console.log(`\nPeak server RSS (sampled and VmHWM): ${fmt(peakRssMb, 0)} MB`);
    fs.writeFileSync(
      path.join(resultsDir, "ingest-results.json"),
      JSON.stringify(
        { at: new Date().toISOString(), provider, scale, cpus: os.cpus().length, results, peakRssMb },
        null,
        2,
      ),
    );
  } finally {
    await db.$disconnect();
  }
}

/** The largest org, and an agent of its own for the bench's records (so the baseline selects them by index). */
async function prepareTarget(db: Database) {
  const [largest] = await db.auditEvent.groupBy({
    by: ["orgId"],
    _count: { _all: true },
    orderBy: { _count: { orgId: "desc" } },
    take: 1,
  });
  if (!largest) throw new Error("The benchmark database has no audit events");
  const name = "Ingest bench agent";
  const agent =
    (await db.agent.findFirst({ where: { orgId: largest.orgId, name }, select: { id: true } })) ??
    (await db.agent.create({
      data: {
        orgId: largest.orgId,
        name,
        emailAddress: "ingest-bench@acme.example",
        allowedTools: [],
        allowedRecipientDomains: ["customer.example"],
        dailySendLimit: 1000,
      },
      select: { id: true },
    }));
  console.log(`Org ${largest.orgId} (${largest._count._all.toLocaleString()} audit events); bench agent ${agent.id}`);
  return { orgId: largest.orgId, agentId: agent.id };
}

/** A small report whose status the pings read. */
async function queueStatusReport(apiKey: string): Promise<string> {
  const today = new Date().toISOString().slice(0, 10);
  const created = await request(
    port,
    "POST",
    "/api/engine/compliance/reports/audit",
    apiKey,
    JSON.stringify({ dateRange: { from: today, to: today } }),
  );
  if (created.status !== 202) throw new Error(`Queueing the status report answered ${created.status}: ${created.body}`);
  const id = (JSON.parse(created.body) as { id: string }).id;
  for (let attempt = 0; attempt < 240; attempt++) {
    const status = JSON.parse((await request(port, "GET", `/api/engine/compliance/reports/${id}`, apiKey)).body) as {
      status: string;
    };
    if (status.status !== "pending") return id;
    await sleep(250);
  }
  throw new Error("The status report did not finish");
}

async function measureApi(
  kind: IngestBenchKind,
  apiKey: string,
  agentId: string,
  tag: string,
  clients: number,
  context: { serverPid: number; statusReportId: string },
): Promise<ApiRun> {
  const bodies = buildBatches(kind, [agentId], tag, batchesPerRun);
  const pinger = startPinger({ port, apiKey, everyMs: pingEveryMs, reportId: context.statusReportId });
  let peakRssKb = 0;
  const sampler = setInterval(() => {
    const kb = descendants(context.serverPid).reduce((max, pid) => Math.max(max, readStatusKb(pid, "VmRSS")), 0);
    peakRssKb = Math.max(peakRssKb, kb);
  }, 200);

  const started = performance.now();
  const bytes = await pushBatches(kind, apiKey, bodies, clients).finally(() => clearInterval(sampler));
  const seconds = (performance.now() - started) / 1000;
  const ping = await pinger.stop();
  const records = batchesPerRun * batchSize;
  return {
    clients,
    records,
    megabytes: bytes / 1e6,
    seconds,
    recordsPerSecond: records / seconds,
    megabytesPerSecond: bytes / 1e6 / seconds,
    ping,
    peakRssMb: peakRssKb / 1024,
  };
}

/** The run's request bodies, built and encoded before its clock starts: the bench times the server, not its own JSON. */
function buildBatches(kind: IngestBenchKind, agentIds: string[], tag: string, batches: number): Buffer[] {
  // The run's records follow one another in time, from now on.
  const firstAt = Date.now();
  return Array.from({ length: batches }, (_, index) =>
    Buffer.from(
      buildIngestBatch(kind, `${tag}-${index}`, agentIds, batchSize, firstAt + index * batchSize * recordSpacingMs),
    ),
  );
}

/** The bodies shared out among `clients` concurrent senders, in order; answers the bytes sent. */
async function pushBatches(kind: IngestBenchKind, apiKey: string, bodies: Buffer[], clients: number): Promise<number> {
  let next = 0;
  let bytes = 0;
  const client = async () => {
    for (let index = next++; index < bodies.length; index = next++) {
      const body = bodies[index]!;
      bytes += body.byteLength;
      const response = await request(port, "POST", `/api/engine/ingest/${kind}`, apiKey, body);
      if (response.status !== 201)
        throw new Error(`POST ${kind} answered ${response.status}: ${response.body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return bytes;
}

const baselineTool = provider === "postgresql" ? "psql" : "sqlite3";

/**
 * The rows one API run wrote, staged (untimed) with fresh keys, then inserted
 * by the CLI in one timed transaction, then removed (untimed) with the stage.
 */
function runBaseline(kind: IngestBenchKind, target: { orgId: string; agentId: string }, tag: string): BaselineRun {
  const { table, tagged } = tables[kind];
  const stage = "bench_ingest_stage";
  const q = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const ofRun = `"orgId" = ${q(target.orgId)} AND "agentId" = ${q(target.agentId)} AND ${tagged(tag)}`;
  // Rotated ids stay spread over the key space like the API's hashed ones; the
  // chain's unique (org, seq) is kept by moving the copies far past the head.
  const rekey = `UPDATE ${stage} SET "id" = substr("id", 17) || substr("id", 1, 16)${kind === "audit-events" ? `, "seq" = "seq" + 1000000000` : ""}`;
  const createStage =
    provider === "postgresql"
      ? `DROP TABLE IF EXISTS ${stage}; CREATE UNLOGGED TABLE ${stage} AS SELECT * FROM "${table}" WHERE ${ofRun}; ${rekey};`
      : `DROP TABLE IF EXISTS ${stage}; CREATE TABLE ${stage} AS SELECT * FROM "${table}" WHERE ${ofRun}; ${rekey};`;
  runCli(createStage, "stage");
  const records = Number(runCli(`SELECT count(*) FROM ${stage};`, "count").trim());
  const durable = provider === "postgresql" ? "SET synchronous_commit TO on;" : "PRAGMA synchronous = FULL;";
  const started = performance.now();
  runCli(`${durable}\nBEGIN;\nINSERT INTO "${table}" SELECT * FROM ${stage};\nCOMMIT;`, "insert");
  const seconds = (performance.now() - started) / 1000;
  runCli(`DELETE FROM "${table}" WHERE "id" IN (SELECT "id" FROM ${stage}); DROP TABLE ${stage};`, "clean up");
  return { records, seconds, recordsPerSecond: records / seconds };
}

/**
 * Waits until the seed's writes are on disk. A database just seeded or copied
 * leaves the host's page cache full of dirty pages, and the first durable
 * commits after it wait for that writeback: the API's commit per batch far
 * more than the baseline's one, so the bench would time its own set-up.
 */
function flushDatabaseToDisk(): void {
  if (provider === "postgresql") {
    runCli("CHECKPOINT;", "checkpoint");
    return;
  }
  const file = getSqliteFilePath(databaseUrl);
  for (const name of [file, `${file}-wal`]) {
    if (!fs.existsSync(name)) continue;
    const descriptor = fs.openSync(name, "r");
    try {
      fs.fsyncSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  }
}

function runCli(sql: string, step: string): string {
  const result =
    provider === "postgresql"
      ? spawnSync("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A"], { input: sql, encoding: "utf8" })
      : spawnSync("sqlite3", ["-bail", getSqliteFilePath(databaseUrl)], { input: sql, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Baseline step "${step}" failed: ${result.stderr}`);
  return result.stdout;
}

function summarize(kind: IngestBenchKind, apiRuns: ApiRun[], baselines: BaselineRun[]) {
  const baselineRate = median(baselines.map((b) => b.recordsPerSecond));
  const byClients = clientCounts.map((clients) => {
    const of = apiRuns.filter((run) => run.clients === clients);
    const recordsPerSecond = median(of.map((run) => run.recordsPerSecond));
    return {
      clients,
      recordsPerSecond,
      megabytesPerSecond: median(of.map((run) => run.megabytesPerSecond)),
      pingP99: median(of.map((run) => run.ping.p99)),
      ratio: baselineRate / recordsPerSecond,
    };
  });
  console.log(`\n  ${kind}: medians of ${runs} run(s); target: within 4× of the baseline, list/status p99 ≤ 100 ms`);
  console.log(`    baseline (${baselineTool}, one transaction): ${fmt(baselineRate, 0)} rows/s`);
  for (const entry of byClients) {
    console.log(
      `    API, ${entry.clients} client${entry.clients > 1 ? "s" : ""}: ${fmt(entry.recordsPerSecond, 0)} records/s (${fmt(entry.megabytesPerSecond, 1)} MB/s) = ${fmt(entry.ratio, 2)}× slower than the baseline ${entry.ratio <= 4 ? "✓" : "✗"}; p99 ${fmt(entry.pingP99, 0)} ms ${entry.pingP99 <= 100 ? "✓" : "✗"}`,
    );
  }
  return { kind, apiRuns, baselines, byClients, peakRssMb: Math.max(...apiRuns.map((run) => run.peakRssMb)) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

const fmt = (value: number, digits: number) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
