// npm run drill:kill — the kill -9 drill: a report is generating when its
// server process is killed with SIGKILL (no drain, no lease handed back); a
// fresh server starts on the same database, and the report must complete,
// once, with its files and statement stored once. Prints how long recovery
// took (it waits out the dead process's lease, REPORT_LEASE_SECONDS).
//
// Environment: DRILL_DATABASE_URL (default: a fresh SQLite file under
// data/drill/, seeded with the demo at DRILL_SCALE, default 2),
// DRILL_PORT (3461), REPORT_LEASE_SECONDS (passed to both servers; default 20 here).
import fs from "node:fs";
import path from "node:path";
import { createDatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createBenchKey, descendants, queueYearSoc2, sleep, startServer, stopServer } from "./bench-server";

const port = Number(process.env.DRILL_PORT ?? 3461);
const scale = Number(process.env.DRILL_SCALE ?? 2);
const leaseSeconds = process.env.REPORT_LEASE_SECONDS ?? "20";
const databaseUrl =
  process.env.DRILL_DATABASE_URL ?? `file:${path.join(process.cwd(), "data", "drill", `attest-${Date.now()}.db`)}`;

async function main(): Promise<void> {
  console.log(`kill -9 drill on ${getDatabaseProvider(databaseUrl)}, lease ${leaseSeconds} s`);
  if (databaseUrl.startsWith("file:"))
    fs.mkdirSync(path.dirname(databaseUrl.slice("file:".length)), { recursive: true });
  await applyMigrations(databaseUrl);
  const db = createDatabaseClient(databaseUrl);
  try {
    if ((await db.organization.count()) === 0) await seedDemo({ scale, databaseUrl, anchor: new Date() });
    const [largest] = await db.auditEvent.groupBy({
      by: ["orgId"],
      _count: { _all: true },
      orderBy: { _count: { orgId: "desc" } },
      take: 1,
    });
    const apiKey = await createBenchKey(db, largest!.orgId);
    const env = { REPORT_LEASE_SECONDS: leaseSeconds };

    const first = await startServer({ port, databaseUrl, env, stdio: "pipe" });
    const queued = await queueYearSoc2(port, apiKey);
    const { id } = JSON.parse(queued.body) as { id: string };
    // Kill once the worker has claimed it and written something.
    for (;;) {
      const report = await db.report.findUniqueOrThrow({ where: { id }, select: { progress: true, status: true } });
      if (report.status !== "pending") throw new Error(`The report ended (${report.status}) before the kill`);
      if (report.progress > 0) break;
      await sleep(100);
    }
    for (const pid of [...descendants(first.pid), first.pid]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    const killedAt = Date.now();
    const killedState = await db.report.findUniqueOrThrow({
      where: { id },
      select: { progress: true, attempts: true, leaseExpiresAt: true },
    });
    console.log(
      `killed mid-generation at ${killedState.progress}% (attempt ${killedState.attempts}, lease until ${killedState.leaseExpiresAt?.toISOString()})`,
    );

    const second = await startServer({ port, databaseUrl, env, stdio: "pipe" });
    const restartedAt = Date.now();
    let report;
    for (;;) {
      report = await db.report.findUniqueOrThrow({
        where: { id },
        select: { status: true, attempts: true, startedAt: true, completedAt: true },
      });
      if (report.status !== "pending") break;
      if (Date.now() - killedAt > 15 * 60_000) throw new Error("The report did not finish within 15 minutes");
      await sleep(250);
    }
    const doneAt = Date.now();
    await stopServer(second.child);

    const [artifacts, statements, completions] = await Promise.all([
      db.reportArtifact.groupBy({ by: ["format"], where: { reportId: id }, _count: { _all: true } }),
      db.reportStatement.count({ where: { reportId: id } }),
      db.auditEvent.count({ where: { action: "compliance.report_completed", targetId: id } }),
    ]);
    console.log(`status ${report.status} after attempt ${report.attempts}`);
    console.log(
      `artifacts ${artifacts.map((a) => `${a.format} × ${a._count._all}`).join(", ")}; statements ${statements}; completion events ${completions}`,
    );
    console.log(
      `recovery: restart took ${((restartedAt - killedAt) / 1000).toFixed(1)} s; the report completed ${((doneAt - killedAt) / 1000).toFixed(1)} s after the kill (${((doneAt - restartedAt) / 1000).toFixed(1)} s after the restart)`,
    );
    const whole =
      report.status === "completed" &&
      statements === 1 &&
      completions === 1 &&
      artifacts.every((a) => a._count._all === 1);
    console.log(whole ? "PASS: completed once, nothing duplicated" : "FAIL");
    process.exitCode = whole ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
