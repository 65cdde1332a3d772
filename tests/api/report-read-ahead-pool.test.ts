// A GDPR Export starts its emails' read before the manifest's counts
// (start-population-read.ts). On PostgreSQL that COPY must not hold the raw
// pool's only connection while the counts wait for it: with a pool of one
// connection the export still completes, with every email.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportDefinitions } from "@/lib/compliance/reports";
import { createDatabaseClient, type Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { buildContext, seedReportContent, type SeededContent } from "@/tests/support/seed-report-content";

const definition = reportDefinitions.gdpr;
const settings = ["DATABASE_POOL_SIZE", "DATABASE_POOL_TIMEOUT_SECONDS"] as const;

describe("a GDPR Export on a database pool of one connection", () => {
  const previous = Object.fromEntries(settings.map((name) => [name, process.env[name]]));
  let seed: SeededContent;
  let client: Database;

  beforeAll(async () => {
    seed = await seedReportContent();
    process.env.DATABASE_POOL_SIZE = "1";
    // A count left waiting for the pool then fails in seconds instead of hanging the test.
    process.env.DATABASE_POOL_TIMEOUT_SECONDS = "2";
    client = createDatabaseClient(process.env.DATABASE_URL);
  });

  afterAll(async () => {
    for (const name of settings) {
      if (previous[name] === undefined) delete process.env[name];
      else process.env[name] = previous[name];
    }
    await rawSqlOf(client).close();
    await client.$disconnect();
  });

  it("completes with every email of the agent", async () => {
    const output = new CollectingReportOutput(definition.csvColumns);
    const ctx = { ...buildContext(seed.acme.orgId, "gdpr", { agentIds: [seed.a1] }), db: client };
    await definition.build(ctx, output);
    const emails = output.table("emails", "emails");
    expect(emails).toHaveLength(4);
    expect(output.manifestFor("emails", "emails").rowCount).toBe(4);
  });
});
