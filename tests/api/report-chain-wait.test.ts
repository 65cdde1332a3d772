// A report's completion appends to its org's chains (statement, audit event)
// and may wait behind other appenders of the org: a burst of requests in one
// org must delay it, not fail it. Found by the scale-out drill (1,000 reports
// queued in one org: a completion that waited over Prisma's default 5 s
// transaction time-out failed its report).
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { createReport } from "@/lib/compliance/requests/create-report";
import { db } from "@/lib/db";
import { fakeDefinitions, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

const isPostgres = inject("databaseProvider") === "postgresql";
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
});

describe.runIf(isPostgres)("completing a report while another appender holds the org's chain", () => {
  it("waits for it (longer than Prisma's default transaction time-out) and completes", async () => {
    const { report } = await createReport({ identity: sessionIdentity(org) }, "soc2", {
      dateRange: { from: "2026-01-01", to: "2026-01-31" },
    });
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      // What every appender of the org takes first (the dialect's lockOrganization).
      await holder.query(`SELECT "id" FROM "Organization" WHERE "id" = $1 FOR UPDATE`, [org.orgId]);
      const releaseAfter = new Promise<void>((resolve) =>
        setTimeout(() => void holder.query("COMMIT").then(() => resolve()), 6_500),
      );
      const result = await processNextReport(db, "chain-wait-test", {
        definitions: fakeDefinitions({ rows: 5 }),
        reportId: report.id,
      });
      await releaseAfter;
      expect(result?.outcome).toBe("completed");
    } finally {
      await holder.end();
    }
    const stored = await db.report.findUniqueOrThrow({ where: { id: report.id }, select: { status: true } });
    expect(stored.status).toBe("completed");
  }, 30_000);
});
