// A report whose database goes away mid-generation is not failed: it is handed
// back (the attempt counted) as soon as the database answers, and completes on
// the next claim. Found by the database-down drill (npm run drill:db-down),
// where an outage shorter than a lease could fail a report or leave it to wait
// out its lease.
import { beforeAll, describe, expect, it } from "vitest";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { createReport } from "@/lib/compliance/requests/create-report";
import { db } from "@/lib/db";
import { fakeDefinitions, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
});

async function queued(): Promise<string> {
  const { report } = await createReport({ identity: sessionIdentity(org) }, "soc2", {
    dateRange: { from: "2026-01-01", to: "2026-01-31" },
  });
  return report.id;
}

describe("the database going away during generation", () => {
  it.each([
    ["pg", "Connection terminated unexpectedly"],
    ["Prisma", "Can't reach database server at 127.0.0.1:5432"],
  ])("(%s: %s) hands the report back instead of failing it, and the next claim completes it", async (_, message) => {
    const id = await queued();
    const lost = await processNextReport(db, "outage-worker", {
      definitions: fakeDefinitions({ rows: 10, throwWith: message }),
      reportId: id,
    });
    expect(lost?.outcome).toBe("released");
    const between = await db.report.findUniqueOrThrow({
      where: { id },
      select: { status: true, attempts: true, leaseOwner: true, errorCode: true },
    });
    expect(between).toEqual({ status: "pending", attempts: 1, leaseOwner: null, errorCode: null });
    expect(await db.reportArtifact.count({ where: { reportId: id } })).toBe(0);

    const next = await processNextReport(db, "other-worker", {
      definitions: fakeDefinitions({ rows: 10 }),
      reportId: id,
    });
    expect(next?.outcome).toBe("completed");
    const done = await db.report.findUniqueOrThrow({ where: { id }, select: { status: true, attempts: true } });
    expect(done).toEqual({ status: "completed", attempts: 2 });
  });

  it("still fails a report for an error of its own", async () => {
    const id = await queued();
    const result = await processNextReport(db, "outage-worker", {
      definitions: fakeDefinitions({ rows: 10, throwWith: "a bug in the builder" }),
      reportId: id,
    });
    expect(result?.outcome).toBe("failed");
  });

  it("ends a report that keeps losing its connection after its last attempt", async () => {
    const id = await queued();
    const definitions = fakeDefinitions({ rows: 10, throwWith: "Connection terminated unexpectedly" });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await processNextReport(db, "outage-worker", { definitions, reportId: id }))?.outcome).toBe("released");
    }
    await processNextReport(db, "outage-worker", { definitions, reportId: id });
    const report = await db.report.findUniqueOrThrow({ where: { id }, select: { status: true, errorCode: true } });
    expect(report).toEqual({ status: "failed", errorCode: "attempts_exhausted" });
  });
});
