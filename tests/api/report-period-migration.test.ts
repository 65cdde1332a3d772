// Reports queued before the list could sort by period get their period from
// their stored scope when the migration runs; a GDPR export (no period) keeps none.
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createDatabaseClient } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { createTestDatabase, getTestPostgresServerUrl, isPostgresReachable } from "@/tests/support/test-database";
import { copyMigrationsBefore, executeStatements } from "@/tests/support/migration-test-helpers";

const PERIOD_MIGRATION = "20261203154012_report_list_sort_api_key_expiry";
const postgresServer = getTestPostgresServerUrl() ?? "postgres://root@127.0.0.1:5432/test";
const postgresAvailable = await isPostgresReachable(postgresServer);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const providers = [
  { provider: "sqlite" as const, server: "sqlite", skip: false },
  { provider: "postgresql" as const, server: postgresServer, skip: !postgresAvailable },
];

describe.each(providers)("the report period migration on $provider", ({ provider, server, skip }) => {
  it.skipIf(skip)("fills periodFrom/periodTo from each stored scope", async () => {
    const database = await createTestDatabase({ server, label: "period-migration" });
    cleanups.push(() => database.drop());
    await applyMigrations(database.url, {
      migrationsDirectory: copyMigrationsBefore(provider, PERIOD_MIGRATION, cleanups),
    });
    const stamp = provider === "sqlite" ? "2026-01-01T00:00:00.000+00:00" : "2026-01-01T00:00:00.000";
    const report = (id: string, type: string, scope: unknown): [string, unknown[]] => [
      `INSERT INTO "Report" ("id", "orgId", "type", "title", "status", "scope", "createdByType", "createdByLabel", "createdAt")
       VALUES (?, 'org-a', ?, ?, 'completed', ?, 'user', 'ann@acme.test', ?)`,
      [id, type, `${type} report`, JSON.stringify(scope), stamp],
    ];
    await executeStatements(database, [
      [`INSERT INTO "Organization" ("id", "slug", "name", "createdAt") VALUES ('org-a', 'a', 'A', ?)`, [stamp]],
      report("r-soc2", "soc2", { dateRange: { from: "2026-01-01", to: "2026-01-31" }, agentIds: [] }),
      report("r-gdpr", "gdpr", { agentIds: ["agent-1"] }),
    ]);

    const result = await applyMigrations(database.url);
    expect(result.applied).toContain(PERIOD_MIGRATION);

    const client = createDatabaseClient(database.url);
    cleanups.push(async () => {
      await rawSqlOf(client).close();
      await client.$disconnect();
    });
    const rows = await client.report.findMany({
      orderBy: { id: "asc" },
      select: { id: true, periodFrom: true, periodTo: true },
    });
    expect(rows).toEqual([
      { id: "r-gdpr", periodFrom: null, periodTo: null },
      { id: "r-soc2", periodFrom: "2026-01-01", periodTo: "2026-01-31" },
    ]);
  });
});
