// npm run drill:scale-out — the scale-out drill, on PostgreSQL: DRILL_PROCESSES
// (3) `npm start` processes share one fresh database and a queue of
// DRILL_REPORTS (1,000) small reports (GDPR exports of an agent with no mail,
// so the drill measures the queue, not report content). Once a third of them
// have completed, the process holding a report's lease is killed with SIGKILL
// (its whole process tree: no drain, no lease handed back).
//
// Checked: every report completed exactly once (one completion event, one
// statement, one JSON and one CSV artifact each); only the killed process's
// report was claimed twice, and another process finished it; every surviving
// process serves downloads of reports any process generated (bytes match the
// recorded SHA-256). Prints throughput and completions per process.
//
// Environment: DRILL_ADMIN_URL (postgres://root@127.0.0.1:5432/postgres: a fresh
// database attest_drill_scale_<time> is created there, dropped after a PASS),
// DRILL_PROCESSES (3), DRILL_REPORTS (1000), REPORT_LEASE_SECONDS (20 here, so
// the killed process's report is re-claimed within the run).
import { createHash } from "node:crypto";
import { createDatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createBenchKey, descendants, request, sleep, startServer, stopServer, type Server } from "./bench-server";
import { createDrillDatabase } from "./drill-database";

const adminUrl = process.env.DRILL_ADMIN_URL ?? "postgres://root@127.0.0.1:5432/postgres";
const processCount = Number(process.env.DRILL_PROCESSES ?? 3);
const reportCount = Number(process.env.DRILL_REPORTS ?? 1000);
const leaseSeconds = process.env.REPORT_LEASE_SECONDS ?? "20";
const firstPort = 3471;

/** Which server process a worker id names (host:pid:thread:nonce) — the next-server pid. */
const pidOfWorker = (workerId: string) => Number(workerId.split(":")[1]);

async function main(): Promise<void> {
  const database = await createDrillDatabase(adminUrl, "attest_drill_scale");
  console.log(
    `scale-out drill on PostgreSQL (${database.name}): ${processCount} processes, ${reportCount} reports, lease ${leaseSeconds} s`,
  );
  await applyMigrations(database.url);
  const db = createDatabaseClient(database.url);
  const servers: Server[] = [];
  let passed = false;
  try {
    const org = await db.organization.create({
      data: { name: "Scale-out drill", slug: `scale-out-drill-${Date.now()}` },
      select: { id: true },
    });
    const agent = await db.agent.create({
      data: {
        orgId: org.id,
        name: "Quiet agent",
        emailAddress: "quiet@drill.test",
        allowedTools: [],
        allowedRecipientDomains: [],
        dailySendLimit: 1,
      },
      select: { id: true },
    });
    const apiKey = await createBenchKey(db, org.id);
    const env = { REPORT_LEASE_SECONDS: leaseSeconds, REPORT_MAX_PENDING_PER_ORG: String(reportCount) };
    // Each server's log is read (a pipe nobody reads would stall the server) and kept for a failing run.
    const serverErrors: string[] = [];
    // A set of report threads that restarted: only the killed process has a reason to.
    const restartsByPort = new Map<number, number>();
    for (let index = 0; index < processCount; index++) {
      const port = firstPort + index;
      const server = await startServer({ port, databaseUrl: database.url, env, stdio: "pipe" });
      for (const stream of [server.child.stdout, server.child.stderr]) {
        stream?.setEncoding("utf8");
        stream?.on("data", (text: string) => {
          for (const line of text.split("\n")) {
            if (/"level":(50|60)/.test(line)) serverErrors.push(line);
            if (line.includes('"report worker exited; restarting"')) {
              restartsByPort.set(port, (restartsByPort.get(port) ?? 0) + 1);
            }
          }
        });
      }
      servers.push(server);
    }

    const started = performance.now();
    const ids: string[] = [];
    // Queued through every process's API, a few at a time.
    for (let index = 0; index < reportCount; index += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, reportCount - index) }, (_, offset) =>
          request(
            servers[(index + offset) % servers.length]!.port,
            "POST",
            "/api/engine/compliance/reports/gdpr",
            apiKey,
            JSON.stringify({ agentId: agent.id }),
          ),
        ),
      );
      for (const created of batch) {
        if (created.status !== 202) throw new Error(`POST answered ${created.status}: ${created.body}`);
        ids.push((JSON.parse(created.body) as { id: string }).id);
      }
    }
    console.log(`queued ${ids.length} reports in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // Kill, with SIGKILL, a process that holds a lease once a third have completed.
    let killed: { pid: number; reportId: string; port: number; wasDone: boolean } | null = null;
    while (!killed) {
      const completed = await db.report.count({ where: { id: { in: ids }, status: "completed" } });
      if (completed >= reportCount / 3) {
        const leased = await db.report.findMany({
          where: { id: { in: ids }, status: "pending", leaseOwner: { not: null } },
          select: { id: true, leaseOwner: true },
        });
        for (const report of leased) {
          const pid = pidOfWorker(report.leaseOwner!);
          const victim = servers.find((server) => descendants(server.pid).includes(pid));
          if (!victim) continue;
          for (const each of [...descendants(victim.pid), victim.pid]) {
            try {
              process.kill(each, "SIGKILL");
            } catch {
              // already gone
            }
          }
          // It may have finished that report between the query and the kill.
          const atKill = await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } });
          killed = { pid, reportId: report.id, port: victim.port, wasDone: atKill.status === "completed" };
          console.log(
            `killed the process on :${victim.port} (pid ${pid}) at ${completed} completed, holding ${report.id}` +
              (killed.wasDone ? " (which it had just completed)" : ""),
          );
          break;
        }
      }
      if (!killed) await sleep(100);
    }

    for (;;) {
      const open = await db.report.count({ where: { id: { in: ids }, status: "pending" } });
      if (open === 0) break;
      if (performance.now() - started > 30 * 60_000) throw new Error("The queue did not drain within 30 minutes");
      await sleep(500);
    }
    const seconds = (performance.now() - started) / 1000;

    const [reports, completions, statements, artifacts] = await Promise.all([
      db.report.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, attempts: true } }),
      db.auditEvent.findMany({
        where: { action: "compliance.report_completed", targetId: { in: ids } },
        select: { targetId: true, metadata: true },
      }),
      db.reportStatement.groupBy({ by: ["reportId"], where: { reportId: { in: ids } }, _count: { _all: true } }),
      db.reportArtifact.groupBy({
        by: ["reportId", "format"],
        where: { reportId: { in: ids } },
        _count: { _all: true },
      }),
    ]);
    const completed = reports.filter((report) => report.status === "completed").length;
    const claimedTwice = reports.filter((report) => report.attempts > 1).map((report) => report.id);
    const completionsPerReport = new Map<string, number>();
    const byProcess = new Map<number, number>();
    let killedReportFinisher: number | null = null;
    const finisherOf = new Map<string, number>();
    for (const completion of completions) {
      completionsPerReport.set(completion.targetId!, (completionsPerReport.get(completion.targetId!) ?? 0) + 1);
      const pid = pidOfWorker(String((completion.metadata as { workerId?: unknown } | null)?.workerId ?? ""));
      byProcess.set(pid, (byProcess.get(pid) ?? 0) + 1);
      finisherOf.set(completion.targetId!, pid);
      if (completion.targetId === killed.reportId) killedReportFinisher = pid;
    }
    const onceEach =
      completionsPerReport.size === reportCount && [...completionsPerReport.values()].every((count) => count === 1);
    const oneStatementEach =
      statements.length === reportCount && statements.every((statement) => statement._count._all === 1);
    const oneArtifactEach =
      artifacts.length === 2 * reportCount && artifacts.every((artifact) => artifact._count._all === 1);

    // Any surviving process serves any report: each downloads reports completed by every process.
    const survivors = servers.filter((server) => server.port !== killed!.port);
    const samples = [...new Set(completions.map((completion) => completion.targetId!))].filter(
      (_, index) => index % Math.ceil(reportCount / 12) === 0,
    );
    let downloadsMatch = true;
    for (const server of survivors) {
      for (const id of samples) {
        const answer = await downloadSha256(server.port, apiKey, id);
        const stored = await db.reportArtifact.findFirst({
          where: { reportId: id, format: "json" },
          select: { sha256: true },
        });
        downloadsMatch &&= answer === stored?.sha256;
      }
    }

    console.log(
      `\n${completed}/${reportCount} completed in ${seconds.toFixed(1)} s (${(reportCount / seconds).toFixed(2)} reports/s, queueing included)`,
    );
    console.log(`completions per process (pid): ${JSON.stringify(Object.fromEntries(byProcess))}`);
    console.log(
      `claimed more than once: ${claimedTwice.length} (${claimedTwice.join(", ")}); the killed process's report finished by pid ${killedReportFinisher}`,
    );
    console.log(
      `downloads: ${samples.length} reports from each of ${survivors.length} surviving processes, bytes ${downloadsMatch ? "match" : "DO NOT MATCH"} the recorded SHA-256`,
    );
    const checks: [string, boolean][] = [
      ["every report completed", completed === reportCount],
      ["one completion event per report", onceEach],
      ["one statement per report", oneStatementEach],
      ["one JSON and one CSV artifact per report", oneArtifactEach],
      // With one report worker per process, the killed process held at most one report.
      ["at most one report claimed twice", claimedTwice.length <= 1],
      [
        "another process finished the killed process's report",
        (killed.wasDone || killedReportFinisher !== killed.pid) &&
          claimedTwice.every((id) => finisherOf.get(id) !== killed!.pid),
      ],
      ["every surviving process serves every report", downloadsMatch],
      [
        "no surviving process restarted its report threads",
        survivors.every((server) => (restartsByPort.get(server.port) ?? 0) === 0),
      ],
    ];
    for (const [what, ok] of checks) console.log(`  ${ok ? "ok  " : "FAIL"} ${what}`);
    passed = checks.every(([, ok]) => ok);
    if (serverErrors.length > 0) {
      console.log(
        `\nserver errors (${serverErrors.length}):\n${serverErrors
          .slice(0, 10)
          .map((line) => line.slice(0, 1500))
          .join("\n")}`,
      );
    }
    console.log(passed ? "PASS" : "FAIL");
    process.exitCode = passed ? 0 : 1;
  } finally {
    for (const server of servers) await stopServer(server.child);
    await db.$disconnect();
    await database.drop(passed);
  }
}

async function downloadSha256(port: number, apiKey: string, id: string): Promise<string> {
  const answer = await request(port, "GET", `/api/engine/compliance/reports/${id}/download?format=json`, apiKey);
  if (answer.status !== 200) return `status ${answer.status}`;
  return createHash("sha256").update(answer.body, "utf8").digest("hex");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
