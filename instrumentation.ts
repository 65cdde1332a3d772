// Runs once when a Next.js server process starts (never during `next build`):
// bring the database schema up to date, seed the demo into an empty database,
// then start the in-process report workers.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;

  const { applyMigrations } = await import("@/lib/db/apply-migrations");
  await applyMigrations();

  const { seedDemoIfEmpty } = await import("@/lib/demo/seed-demo-if-empty");
  await seedDemoIfEmpty();

  // TODO(report engineer): start the report workers here once lib/compliance/start-report-workers.ts exists:
  //   const { startReportWorkers } = await import("@/lib/compliance/start-report-workers");
  //   startReportWorkers();
}
