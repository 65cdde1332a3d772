import { verifyAuditTrailIntegrity, type AuditTrailIntegrity } from "@/lib/audit/verify-audit-trail-integrity";
import type { ReportRun } from "./start-report-run";

export type AuditTrailVerification = {
  /** The integrity the report's last section states; awaited there. */
  result: Promise<AuditTrailIntegrity>;
  /** Ends the verification if it is still running (the build ended early); resolves once it has. */
  stop(): Promise<void>;
};

/**
 * Starts recomputing the org's audit chain for the integrity section as the
 * build starts, in a thread of its own beside the sections' populations: the
 * build leaves part of a core idle while it streams, and the section then
 * waits for a verification that is done or nearly so (docs/benchmarks.md,
 * chain verified beside the build). Builders start it before the manifest's
 * counts, which leave node idle and are not needed by it: the verification is
 * the work a summary waits for last. It verifies on the report's own
 * connections, up to the chain's head when it starts.
 */
export function startAuditTrailVerification(
  run: Pick<ReportRun, "ctx" | "db" | "orgId" | "window">,
): AuditTrailVerification {
  let stopped = false;
  const result = verifyAuditTrailIntegrity(run.db, run.orgId, {
    periodStart: run.window.range.gte ?? null,
    checkpoint: () => {
      if (stopped) throw new Error("The report build ended before the audit trail was verified");
      run.ctx.checkpoint();
    },
  });
  // Awaited by the section, at the end; until then a rejection is not "unhandled".
  result.catch(() => undefined);
  return {
    result,
    async stop() {
      stopped = true;
      await result.then(
        () => undefined,
        () => undefined,
      );
    },
  };
}
