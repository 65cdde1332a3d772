// The compliance ticker, on a database of its own: its first tick runs at
// start (the catch-up after downtime), it reads time from the injected clock,
// queues the closed periods and purges expired reports, and stops cleanly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startComplianceTicker } from "@/lib/compliance/threads/start-compliance-ticker";
import { createDatabaseClient, type Database } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

let database: TestDatabase;
let client: Database;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: true, label: "ticker" });
  client = createDatabaseClient(database.url);
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
});

describe("startComplianceTicker", () => {
  it("ticks at start with the injected clock: queues the missed periods and purges expired reports", async () => {
    const org = await client.organization.create({
      data: { slug: "ticker-org", name: "Ticker" },
      select: { id: true },
    });
    const schedule = await client.reportSchedule.create({
      data: {
        orgId: org.id,
        type: "audit",
        cadence: "weekly",
        agentIds: [],
        firstPeriodStart: "2026-03-02",
        activeSince: new Date("2026-03-04T00:00:00Z"),
        createdByType: "user",
        createdByLabel: "admin@ticker.test",
      },
      select: { id: true },
    });
    const expired = await client.report.create({
      data: {
        orgId: org.id,
        type: "soc2",
        title: "Old SOC2",
        status: "completed",
        scope: { dateRange: { from: "2025-01-01", to: "2025-01-31" }, agentIds: [] },
        createdByType: "user",
        createdByLabel: "admin@ticker.test",
        completedAt: new Date("2025-02-01T00:00:00Z"),
      },
      select: { id: true },
    });
    const ticker = startComplianceTicker({
      db: client,
      intervalMs: 60_000,
      clock: () => new Date("2026-03-23T00:00:01Z"),
    });
    try {
      await expect
        .poll(() => client.reportScheduleRun.count({ where: { scheduleId: schedule.id } }), { timeout: 30_000 })
        .toBe(3);
      await expect
        .poll(
          async () =>
            (await client.report.findUniqueOrThrow({ where: { id: expired.id }, select: { status: true } })).status,
          { timeout: 30_000 },
        )
        .toBe("purged");
    } finally {
      await ticker.stop();
    }
    const runs = await client.reportScheduleRun.findMany({
      where: { scheduleId: schedule.id },
      orderBy: { periodStart: "asc" },
      select: { periodStart: true, periodEnd: true },
    });
    expect(runs).toEqual([
      { periodStart: "2026-03-02", periodEnd: "2026-03-08" },
      { periodStart: "2026-03-09", periodEnd: "2026-03-15" },
      { periodStart: "2026-03-16", periodEnd: "2026-03-22" },
    ]);
  }, 120_000);
});
