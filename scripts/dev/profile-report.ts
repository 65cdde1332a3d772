// Dev tool: generates one report in-process (no server) against DATABASE_URL
// and prints the time, for CPU profiling with `node --cpu-prof`.
// Usage: DATABASE_URL=… npx tsx scripts/dev/profile-report.ts soc2|gdpr|audit [days] [--artifact-thread] [--query-thread] [--keep]
// (--artifact-thread stores the artifacts and renders the CSV in a thread of
// their own, --query-thread runs the Prisma queries of SQLite in a thread of
// their own, as the server's report worker does; --keep leaves the report in
// the database rather than deleting it; CHUNK_BYTES sets the artifacts' chunk size.)
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { reportDefinitions } from "@/lib/compliance/reports";
import { createReport } from "@/lib/compliance/requests/create-report";
import { db } from "@/lib/db";
import { getDatabaseUrl } from "@/lib/db/database-url";
import { startSourceArtifactThread } from "./start-source-artifact-thread";
import { startSourceSqliteQueryThread } from "./start-source-sqlite-query-thread";

async function main() {
  const type = (process.argv[2] ?? "soc2") as "soc2" | "gdpr" | "audit";
  const days = Number(process.argv[3] ?? 365);
  const artifactThread = process.argv.includes("--artifact-thread")
    ? startSourceArtifactThread(getDatabaseUrl())
    : null;
  const queryThread = process.argv.includes("--query-thread") ? startSourceSqliteQueryThread(getDatabaseUrl()) : null;
  const org = await db.organization.findFirstOrThrow({ where: { name: "Acme Robotics" }, select: { id: true } });
  const admin = await db.membership.findFirstOrThrow({
    where: { orgId: org.id, role: "admin" },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  const [busiest] = await db.email.groupBy({
    by: ["agentId"],
    where: { orgId: org.id },
    _count: { _all: true },
    orderBy: { _count: { agentId: "desc" } },
    take: 1,
  });
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const body = type === "gdpr" ? { agentId: busiest!.agentId!, dateRange: { from, to } } : { dateRange: { from, to } };
  const identity = {
    kind: "session" as const,
    userId: admin.user.id,
    email: admin.user.email,
    name: admin.user.name,
    orgId: org.id,
    role: "admin" as const,
  };
  const { report } = await createReport({ identity, db }, type, body as never);
  const started = performance.now();
  const result = await processNextReport(queryThread?.db ?? db, "profile", {
    definitions: reportDefinitions,
    openArtifacts: artifactThread?.connection.open,
    chunkBytes: Number(process.env.CHUNK_BYTES) || undefined,
  });
  const ms = performance.now() - started;
  const done = await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true, error: true } });
  console.log(
    JSON.stringify({
      type,
      days,
      artifactThread: artifactThread !== null,
      queryThread: queryThread !== null,
      ms: Math.round(ms),
      status: done.status,
      error: done.error,
      result,
      rssMb: Math.round(process.memoryUsage().rss / 1e6),
    }),
  );
  if (!process.argv.includes("--keep")) await db.report.delete({ where: { id: report.id } });
  await artifactThread?.stop();
  await queryThread?.db.$disconnect();
  await queryThread?.thread.terminate();
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
