// npm run drill:db-down — the "database down" drill, on PostgreSQL: while a
// report is generating, the server loses its database for DRILL_OUTAGE_SECONDS
// (30). The server reaches PostgreSQL through a TCP proxy inside this script;
// the outage closes the proxy's listening socket (new connections are refused,
// as from a stopped PostgreSQL) and resets every connection it carried. The
// real PostgreSQL, which other databases share, is never stopped.
//
// Checked during the outage (every few seconds): the health check, the report
// list, a report's status and an ingest batch each answer 503 with the JSON
// error body, quickly, without a stack or a database message. After it: the
// health check recovers by itself, the report completes (attempts, time after
// the outage), with one artifact per format whose stored bytes match their
// SHA-256, one statement and one completion event; nothing is left pending; the
// server process never exited; ingest works again.
//
// Environment: DRILL_ADMIN_URL (postgres://root@127.0.0.1:5432/postgres: a fresh
// database attest_drill_down_<time> is created there, dropped after a PASS),
// DRILL_SCALE (2), DRILL_PORT (3463), DRILL_PROXY_PORT (55433),
// DRILL_OUTAGE_SECONDS (30), REPORT_LEASE_SECONDS (the server's default unless
// set: recovery must not wait out the lease).
import { createHash } from "node:crypto";
import net from "node:net";
import { createDatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createBenchKey, queueYearSoc2, request, sleep, startServer, stopServer } from "./bench-server";
import { createDrillDatabase } from "./drill-database";

const adminUrl = process.env.DRILL_ADMIN_URL ?? "postgres://root@127.0.0.1:5432/postgres";
const scale = Number(process.env.DRILL_SCALE ?? 2);
const port = Number(process.env.DRILL_PORT ?? 3463);
const proxyPort = Number(process.env.DRILL_PROXY_PORT ?? 55433);
const outageSeconds = Number(process.env.DRILL_OUTAGE_SECONDS ?? 30);
const leaseSeconds = process.env.REPORT_LEASE_SECONDS;
/** An answer slower than this during the outage counts as a hang. */
const quickMs = 5_000;

/** A TCP proxy to PostgreSQL that can be cut (refuse + reset) and restored. */
function createCuttableProxy(upstream: { host: string; port: number }, listenPort: number) {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((client) => {
    const remote = net.connect(upstream);
    track(client);
    track(remote);
    client.pipe(remote);
    remote.pipe(client);
    client.once("close", () => remote.destroy());
    remote.once("close", () => client.destroy());
  });
  const listen = () => new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  return {
    listen,
    async cut(): Promise<void> {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.resetAndDestroy();
      await closed;
    },
    restore: listen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Probe = { at: number; what: string; status: number; ms: number; code: string | null; leak: boolean };

async function probe(what: string, run: () => Promise<{ status: number; body: string }>): Promise<Probe> {
  const started = performance.now();
  const at = Date.now();
  try {
    const answer = await run();
    let code: string | null = null;
    try {
      code = (JSON.parse(answer.body) as { error?: { code?: string } }).error?.code ?? null;
    } catch {
      code = null;
    }
    // A stack trace or a driver's message must never reach a client.
    const leak = /\bat [\w.<>]+ \(|ECONNREFUSED|ECONNRESET|prisma|postgres/i.test(answer.body);
    return { at, what, status: answer.status, ms: performance.now() - started, code, leak };
  } catch (error) {
    return { at, what, status: 0, ms: performance.now() - started, code: String(error), leak: false };
  }
}

async function main(): Promise<void> {
  const database = await createDrillDatabase(adminUrl, "attest_drill_down");
  const name = database.name;
  const upstream = new URL(adminUrl);
  const directUrl = new URL(database.url);
  const proxiedUrl = new URL(directUrl);
  proxiedUrl.hostname = "127.0.0.1";
  proxiedUrl.port = String(proxyPort);
  console.log(
    `database-down drill on PostgreSQL (${name}), outage ${outageSeconds} s, lease ${leaseSeconds ?? "default"} s`,
  );

  await applyMigrations(directUrl.toString());
  await seedDemo({ scale, databaseUrl: directUrl.toString(), anchor: new Date() });
  const db = createDatabaseClient(directUrl.toString());
  const proxy = createCuttableProxy({ host: upstream.hostname, port: Number(upstream.port || 5432) }, proxyPort);
  await proxy.listen();
  let passed = false;
  try {
    const [largest] = await db.auditEvent.groupBy({
      by: ["orgId"],
      _count: { _all: true },
      orderBy: { _count: { orgId: "desc" } },
      take: 1,
    });
    const orgId = largest!.orgId;
    const reportKey = await createBenchKey(db, orgId);
    const ingestKey = await createBenchKey(db, orgId, "events:write");
    const server = await startServer({
      port,
      databaseUrl: proxiedUrl.toString(),
      env: leaseSeconds ? { REPORT_LEASE_SECONDS: leaseSeconds } : {},
      stdio: "pipe",
    });
    let serverExit: number | null = null;
    server.child.once("exit", (code) => (serverExit = code ?? -1));
    const serverLog: string[] = [];
    for (const stream of [server.child.stdout, server.child.stderr]) {
      stream?.on("data", (chunk: Buffer) => serverLog.push(chunk.toString("utf8")));
    }

    const ingestBody = (tag: string) =>
      JSON.stringify({
        records: [
          {
            id: `drill-${tag}-${Date.now()}`,
            occurredAt: new Date().toISOString(),
            actorType: "system",
            action: "drill.database_down",
            category: "system_config",
            outcome: "success",
          },
        ],
      });
    const queued = await queueYearSoc2(port, reportKey);
    if (queued.status !== 202) throw new Error(`POST answered ${queued.status}: ${queued.body}`);
    const { id } = JSON.parse(queued.body) as { id: string };
    for (;;) {
      const report = await db.report.findUniqueOrThrow({ where: { id }, select: { progress: true, status: true } });
      if (report.status !== "pending") throw new Error(`The report ended (${report.status}) before the outage`);
      if (report.progress > 0) break;
      await sleep(100);
    }
    const before = await db.report.findUniqueOrThrow({ where: { id }, select: { progress: true, attempts: true } });

    await proxy.cut();
    const cutAt = Date.now();
    console.log(`database cut at ${before.progress}% of the report (attempt ${before.attempts})`);
    const probes: Probe[] = [];
    while (Date.now() - cutAt < outageSeconds * 1000 - quickMs) {
      const round = await Promise.all([
        probe("health", () => request(port, "GET", "/api/health")),
        probe("list", () => request(port, "GET", "/api/engine/compliance/reports", reportKey)),
        probe("status", () => request(port, "GET", `/api/engine/compliance/reports/${id}`, reportKey)),
        probe("ingest", () =>
          request(port, "POST", "/api/engine/ingest/audit-events", ingestKey, ingestBody("outage")),
        ),
      ]);
      probes.push(...round);
      await sleep(3_000);
    }
    await sleep(Math.max(0, cutAt + outageSeconds * 1000 - Date.now()));
    await proxy.restore();
    const restoredAt = Date.now();
    console.log(`database back after ${((restoredAt - cutAt) / 1000).toFixed(1)} s`);

    let healthyAt: number | null = null;
    let reclaimedAt: number | null = null;
    let report;
    for (;;) {
      if (healthyAt === null && (await request(port, "GET", "/api/health").catch(() => ({ status: 0 }))).status === 200)
        healthyAt = Date.now();
      report = await db.report.findUniqueOrThrow({
        where: { id },
        select: { status: true, attempts: true, errorCode: true },
      });
      if (reclaimedAt === null && report.attempts > before.attempts) reclaimedAt = Date.now();
      if (report.status !== "pending" && healthyAt !== null) break;
      if (Date.now() - restoredAt > 10 * 60_000) throw new Error("The report did not end within 10 minutes");
      await sleep(250);
    }
    const doneAt = Date.now();
    const ingestAfter = await request(port, "POST", "/api/engine/ingest/audit-events", ingestKey, ingestBody("after"));
    const listAfter = await request(port, "GET", "/api/engine/compliance/reports", reportKey);

    const [artifacts, statements, completions, pending] = await Promise.all([
      db.reportArtifact.findMany({
        where: { reportId: id },
        select: { id: true, format: true, attempt: true, sha256: true, chunkCount: true },
      }),
      db.reportStatement.count({ where: { reportId: id } }),
      db.auditEvent.count({ where: { action: "compliance.report_completed", targetId: id } }),
      db.report.count({ where: { status: "pending" } }),
    ]);
    // The stored bytes, chunk by chunk, must hash to what the report records: nothing half-written.
    let wholeArtifacts = artifacts.length === 2;
    for (const artifact of artifacts) {
      const hash = createHash("sha256");
      const chunks = await db.reportChunk.findMany({
        where: { artifactId: artifact.id },
        orderBy: { seq: "asc" },
        select: { data: true },
      });
      for (const chunk of chunks) hash.update(chunk.data);
      const matches = chunks.length === artifact.chunkCount && hash.digest("hex") === artifact.sha256;
      console.log(
        `  ${artifact.format} (attempt ${artifact.attempt}): ${chunks.length} chunks, SHA-256 ${matches ? "matches" : "DOES NOT MATCH"}`,
      );
      wholeArtifacts &&= matches;
    }
    // Read before the drill stops it: did the server exit on its own?
    const exitedByItself = serverExit;
    await stopServer(server.child);

    console.log("\nduring the outage:");
    const byWhat = new Map<string, Probe[]>();
    for (const entry of probes) byWhat.set(entry.what, [...(byWhat.get(entry.what) ?? []), entry]);
    for (const [what, entries] of byWhat) {
      const statuses = [...new Set(entries.map((entry) => `${entry.status}${entry.code ? ` ${entry.code}` : ""}`))];
      const slowest = Math.max(...entries.map((entry) => entry.ms));
      console.log(
        `  ${what.padEnd(7)} ${entries.length} requests → ${statuses.join(", ")}; slowest ${slowest.toFixed(0)} ms${entries.some((entry) => entry.leak) ? "; LEAKED internals" : ""}`,
      );
    }
    const outageAnswered = probes.every(
      (entry) => entry.status === 503 && entry.ms < quickMs && !entry.leak && entry.code === "database_unavailable",
    );
    console.log(
      `\nafter: health 200 ${(((healthyAt ?? doneAt) - restoredAt) / 1000).toFixed(1)} s after the database came back; ` +
        `report ${report.status}${report.errorCode ? ` (${report.errorCode})` : ""} after attempt ${report.attempts}, ` +
        `${((doneAt - restoredAt) / 1000).toFixed(1)} s after the database came back; list ${listAfter.status}, ingest ${ingestAfter.status}`,
    );
    const handedBack = serverLog.join("").split("database unreachable during generation").length - 1;
    console.log(
      `the next attempt was claimed ${reclaimedAt === null ? "(not seen)" : `${((reclaimedAt - restoredAt) / 1000).toFixed(1)} s`} after the database came back; ` +
        `attempts handed back during the outage: ${handedBack}`,
    );
    console.log(
      `artifacts ${artifacts.map((a) => a.format).join(", ")}; statements ${statements}; completion events ${completions}; ` +
        `reports still pending ${pending}; server ${exitedByItself === null ? "stayed up" : `EXITED (${exitedByItself})`}`,
    );
    const checks: [string, boolean][] = [
      ["every request during the outage answered 503 database_unavailable quickly, without internals", outageAnswered],
      ["the report completed", report.status === "completed"],
      ["one artifact per format, whole", wholeArtifacts],
      ["one statement, one completion event", statements === 1 && completions === 1],
      ["nothing left pending", pending === 0],
      ["the server stayed up", exitedByItself === null],
      ["no report worker crashed", !serverLog.join("").includes("report worker crashed")],
      ["list and ingest work again", listAfter.status === 200 && ingestAfter.status === 201],
    ];
    for (const [what, ok] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
    passed = checks.every(([, ok]) => ok);
    if (!passed) {
      const errors = serverLog
        .join("")
        .split("\n")
        .filter((line) => /"level":(50|40)/.test(line));
      console.log(`\nserver warnings and errors (${errors.length}):\n${errors.slice(0, 15).join("\n")}`);
    }
    console.log(passed ? "PASS" : "FAIL");
    process.exitCode = passed ? 0 : 1;
  } finally {
    await proxy.close().catch(() => {});
    await db.$disconnect();
    await database.drop(passed);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
