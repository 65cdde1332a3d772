// npm run bench:scale-out — two server processes sharing one PostgreSQL
// database: do their report workers split a queue of reports between them,
// with every report generated exactly once (FOR UPDATE SKIP LOCKED claims),
// and how does that compare with one process working the same queue?
//
// Needs the benchmark data set on PostgreSQL (run `npm run bench` with the
// same BENCH_DATABASE_URL first). Environment: BENCH_DATABASE_URL (postgres://…),
// SCALE_OUT_REPORTS (8), SCALE_OUT_DAYS (90: the period of each Audit Summary).
import { createDatabaseClient, type Database } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { createBenchKey, request, sleep, startServer, stopServer, type Server } from "./bench-server";

const databaseUrl = process.env.BENCH_DATABASE_URL ?? "";
const reportCount = Number(process.env.SCALE_OUT_REPORTS ?? 8);
const days = Number(process.env.SCALE_OUT_DAYS ?? 90);
const ports = [3461, 3462];

async function main(): Promise<void> {
  if (!databaseUrl.startsWith("postgres") || getDatabaseProvider(databaseUrl) !== "postgresql") {
    throw new Error("Set BENCH_DATABASE_URL to the PostgreSQL benchmark database (postgres://…)");
  }
  const db = createDatabaseClient(databaseUrl);
  try {
    const org = await db.organization.findFirst({ where: { name: "Acme Robotics" }, select: { id: true } });
    if (!org) throw new Error("No benchmark data set here: run `npm run bench` with this BENCH_DATABASE_URL first");
    const apiKey = await createBenchKey(db, org.id);
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
    console.log(
      `${reportCount} Audit Summaries of ${days} days (${from} to ${to}) per run, one report worker per process`,
    );

    const results = [];
    for (const processes of [1, 2]) {
      await db.report.deleteMany({ where: { orgId: org.id } });
      const servers: Server[] = [];
      try {
        for (const port of ports.slice(0, processes)) servers.push(await startServer({ port, databaseUrl }));
        results.push(await workQueue(db, servers, apiKey, { from, to }));
      } finally {
        for (const server of servers) await stopServer(server.child);
      }
    }
    const [one, two] = results;
    if (one && two) {
      console.log(
        `\nThroughput: ${(one.seconds / two.seconds).toFixed(2)}× with two processes (on ${ports.length} shared CPUs)`,
      );
    }
  } finally {
    await db.$disconnect();
  }
}

/** Queues the reports (round-robin over the servers' APIs) and waits until every one has ended. */
async function workQueue(db: Database, servers: Server[], apiKey: string, dateRange: { from: string; to: string }) {
  const started = performance.now();
  const ids: string[] = [];
  for (let index = 0; index < reportCount; index++) {
    const server = servers[index % servers.length]!;
    const created = await request(
      server.port,
      "POST",
      "/api/engine/compliance/reports/audit",
      apiKey,
      JSON.stringify({ dateRange }),
    );
    if (created.status !== 202) throw new Error(`POST answered ${created.status}: ${created.body}`);
    ids.push((JSON.parse(created.body) as { id: string }).id);
  }
  for (;;) {
    const open = await db.report.count({ where: { id: { in: ids }, status: "pending" } });
    if (open === 0) break;
    await sleep(250);
  }
  const seconds = (performance.now() - started) / 1000;

  const reports = await db.report.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, attempts: true },
  });
  const completions = await db.auditEvent.findMany({
    where: { action: "compliance.report_completed", targetId: { in: ids } },
    select: { targetId: true, metadata: true },
  });
  // workerId is host:pid:thread:nonce; the pid tells the processes apart.
  const byProcess = new Map<string, number>();
  for (const completion of completions) {
    const workerId = String((completion.metadata as { workerId?: unknown } | null)?.workerId ?? "unknown");
    const pid = workerId.split(":")[1] ?? "unknown";
    byProcess.set(pid, (byProcess.get(pid) ?? 0) + 1);
  }
  const completed = reports.filter((report) => report.status === "completed").length;
  const retried = reports.filter((report) => report.attempts !== 1).length;
  console.log(
    `\n${servers.length} process(es): ${completed}/${reportCount} completed in ${seconds.toFixed(1)} s ` +
      `(${(reportCount / seconds).toFixed(2)} reports/s); completions per process ${JSON.stringify(Object.fromEntries(byProcess))}; ` +
      `reports claimed more than once: ${retried}; completion events: ${completions.length}`,
  );
  return { processes: servers.length, seconds, completed, retried, byProcess: Object.fromEntries(byProcess) };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
