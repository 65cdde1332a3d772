// Called at server start: an empty database (no organization) gets the default
// demo, so one command shows a working product. Only SQLite by default:
// PostgreSQL needs ATTEST_SEED_DEMO=true, and ATTEST_SEED_DEMO=false turns it
// off everywhere (lib/env.ts, seedsDemoInto). Safe when several processes start at once: seedDemo holds the database's
// seed lock while it checks and writes, so the others find the demo there and skip.
import { formatDemoLogins } from "@/lib/demo/format-demo-logins";
import { seedDemo, type SeedDemoOptions, type SeedDemoResult } from "@/lib/demo/seed-demo";
import { logger } from "@/lib/log/logger";
import { seedsDemoInto } from "@/lib/env";

export async function seedDemoIfEmpty(
  options: Pick<SeedDemoOptions, "databaseUrl" | "scale" | "anchor" | "password"> = {},
): Promise<SeedDemoResult | null> {
  if (!seedsDemoInto(options.databaseUrl)) return null;
  const result = await seedDemo({ ...options, ifEmpty: true });
  if (result.status === "seeded") {
    logger.info({ counts: result.counts, durationMs: Math.round(result.durationMs) }, "seeded the demo data");
    // Plain text on purpose: the person running `npm start` needs to read this.
    console.log(`\nAttest: the database was empty, so the demo was seeded.\n${formatDemoLogins()}\n`);
  }
  return result;
}
