// The SOC2 and Audit Summaries verify the audit chain beside their build,
// from its start, before the manifest's counts. A build that fails, in a
// section or in its manifest, must not leave that verification running (a
// thread hashing a million events for nothing): the builder stops it before
// it gives up.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import type { SectionHeader } from "@/lib/compliance/reports/report-definition";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";
import { buildContext } from "@/tests/support/seed-report-content";

// A verification that never finishes on its own: it ends only when its checkpoint throws.
const verification = vi.hoisted(() => ({ running: 0, endedBy: null as string | null }));
vi.mock("@/lib/audit/verify-audit-trail-integrity", () => ({
  verifyAuditTrailIntegrity: (_db: unknown, _orgId: string, options: { checkpoint: () => void }) =>
    new Promise((_resolve, reject) => {
      verification.running += 1;
      const timer = setInterval(() => {
        try {
          options.checkpoint();
        } catch (error) {
          clearInterval(timer);
          verification.running -= 1;
          verification.endedBy = (error as Error).message;
          reject(error);
        }
      }, 5);
    }),
}));

/** Fails the build at its second section, once the verification has been running a while. */
class FailingOutput extends CollectingReportOutput {
  private started = 0;
  override async startSection(key: string, header: SectionHeader): Promise<void> {
    this.started += 1;
    if (this.started === 2) throw new Error(`writing section ${key} failed`);
    await super.startSection(key, header);
  }
}

/** Fails the build at its manifest, noting whether the verification was running by then. */
class ManifestFailingOutput extends CollectingReportOutput {
  verificationsRunningAtManifest: number | null = null;
  override async writeManifest(): Promise<void> {
    this.verificationsRunningAtManifest = verification.running;
    throw new Error("writing the manifest failed");
  }
}

let org: TestOrg;
beforeEach(async () => {
  org = await createTestOrg();
  verification.running = 0;
  verification.endedBy = null;
});

describe.each(["soc2", "audit"] as const)("a %s build that fails", (type) => {
  it("stops the chain verification it started before it gives up", async () => {
    const definition = reportDefinitions[type];
    const ctx = buildContext(org.orgId, type, { dateRange: { from: "2026-03-01", to: "2026-03-31" }, agentIds: [] });
    await expect(definition.build(ctx, new FailingOutput(definition.csvColumns))).rejects.toThrow(/section .* failed/);
    expect(verification.running).toBe(0);
    expect(verification.endedBy).toBe("The report build ended before the audit trail was verified");
  });

  it("has the verification running before the manifest, and stops it when the manifest fails", async () => {
    const definition = reportDefinitions[type];
    const ctx = buildContext(org.orgId, type, { dateRange: { from: "2026-03-01", to: "2026-03-31" }, agentIds: [] });
    const output = new ManifestFailingOutput(definition.csvColumns);
    await expect(definition.build(ctx, output)).rejects.toThrow("writing the manifest failed");
    expect(output.verificationsRunningAtManifest).toBe(1);
    expect(verification.running).toBe(0);
    expect(verification.endedBy).toBe("The report build ended before the audit trail was verified");
  });
});
