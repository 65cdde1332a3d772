// Runs once when a Next.js server process starts (never during `next build`):
// check the configuration and the signing key, bring the database schema up to date, seed the demo
// into an empty database, then start the in-process report workers and the compliance ticker.
export async function register(): Promise<void> {
  // Next's own variables, read directly: Next inlines NEXT_RUNTIME per runtime at build time.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;

  // Before any worker thread starts: the main thread's heap sizes are not theirs.
  const { clearInheritedHeapLimits } = await import("@/lib/process/clear-inherited-heap-limits");
  clearInheritedHeapLimits();

  // A bad variable stops the server here, naming it, instead of surfacing later in a request or a worker.
  const { exitOnInvalidEnv } = await import("@/lib/env");
  if (!exitOnInvalidEnv()) return;
  // Before the first request: route handlers learn the socket address only through this.
  const { stampSocketAddress } = await import("@/lib/auth/stamp-socket-address");
  stampSocketAddress();
  // So SIGTERM can drain the requests in flight before the process exits.
  const { trackHttpRequests } = await import("@/lib/shutdown/track-http-requests");
  trackHttpRequests();
  const { exitOnMissingSigningKey } = await import("@/lib/signing/exit-on-missing-signing-key");
  if (!(await exitOnMissingSigningKey())) return;

  const { applyMigrations } = await import("@/lib/db/apply-migrations");
  await applyMigrations();

  const { seedDemoIfEmpty } = await import("@/lib/demo/seed-demo-if-empty");
  await seedDemoIfEmpty();

  // Report generation runs in worker threads (REPORT_WORKERS, default 1).
  const { startReportWorkers } = await import("@/lib/compliance/threads/start-report-workers");
  const workers = startReportWorkers();
  // Scheduled reports of closed periods, and purges past retention (COMPLIANCE_TICK_SECONDS).
  const { startComplianceTicker } = await import("@/lib/compliance/threads/start-compliance-ticker");
  const ticker = startComplianceTicker();
  // SIGTERM: stop accepting, drain requests in flight, hand report leases back, exit.
  const { installShutdownHandler } = await import("@/lib/shutdown/install-shutdown-handler");
  installShutdownHandler({ stopWorkers: () => Promise.all([workers.stop(), ticker.stop()]).then(() => undefined) });
}
