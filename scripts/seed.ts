// npm run seed -- [--scale N] [--reset] [--anchor YYYY-MM-DD] [--single-thread]
// Writes the deterministic demo data set into DATABASE_URL (default: the
// embedded SQLite file), applying pending migrations first.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { getDatabaseProvider, getDatabaseUrl } from "@/lib/db/database-url";
import { formatDemoLogins } from "@/lib/demo/format-demo-logins";
import { getDemoVolumes, MAX_DEMO_SCALE } from "@/lib/demo/get-demo-volumes";
import { DemoDatabaseNotEmptyError, seedDemo } from "@/lib/demo/seed-demo";

const help = `Usage: npm run seed -- [--scale N] [--reset] [--anchor YYYY-MM-DD]

Seeds two organizations (Acme Robotics, Globex), a dozen agents and 180 days of
emails, audit events, DLP violations, vault access, query logs and GDPR records.
The same --scale and --anchor always write the same rows.

Options:
  --scale N        volume multiplier, a number in (0, ${MAX_DEMO_SCALE}] (default 1)
  --reset          delete ALL existing data first (otherwise a non-empty database is refused)
  --anchor DATE    the day the 180 days end on (default: today, UTC)
  --single-thread  generate and write on one thread (default: a worker thread
                   generates while the main thread writes; same rows either way)
  -h, --help       this text

Volumes per scale N (the high-volume agent is Acme's "Support Triage"):
  emails          10,000 x N for the high-volume agent + 10,000 x N for the 11 others
  audit events    50,000 x N naming the high-volume agent + 10,000 x N others
                  (+ ~100 unscaled user/agent/DLP/system/rotation events)
  vault access    one row per secret read or rotation in the audit trail (~0.4 x audit events)
  DLP violations  from the ~15% of emails that carry personal data
  query logs      5,000 x N;  sharing records max(20, 60 x N)

  --scale 1   (default)  20,000 emails,    ~60,000 audit events: a few seconds
  --scale 20  (large)   400,000 emails,  ~1,200,000 audit events: the high-volume agent
                        has 200,000 emails and 1,000,000 audit events

Environment: DATABASE_URL (file:… or postgres://…), DEMO_PASSWORD (default demo-password).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "1" },
      reset: { type: "boolean", default: false },
      anchor: { type: "string" },
      "single-thread": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(help);
    return;
  }
  const scale = Number(values.scale);
  getDemoVolumes(scale); // validates before touching the database

  const url = getDatabaseUrl();
  await applyMigrations(url);
  console.log(`Seeding the demo at scale ${scale} into ${getDatabaseProvider(url)}${values.reset ? " (reset)" : ""}…`);

  // tsx runs this file as CommonJS; the worker inherits tsx's loader through execArgv.
  const workerFile = path.resolve(__dirname, "../lib/demo/seed-demo-worker.ts");
  const result = await seedDemo({
    workerFile: values["single-thread"] || !fs.existsSync(workerFile) ? undefined : workerFile,
    scale,
    reset: values.reset,
    anchor: values.anchor,
    databaseUrl: url,
    onProgress: (step, rows, ms) =>
      console.log(`  ${step.padEnd(32)} ${String(rows).padStart(10)} rows  ${(ms / 1000).toFixed(1)} s`),
  });
  console.log(`\nSeeded in ${(result.durationMs / 1000).toFixed(1)} s (anchor ${result.anchor}):`);
  for (const [table, count] of Object.entries(result.counts))
    console.log(`  ${table.padEnd(20)} ${String(count).padStart(10)}`);
  console.log(`\n${formatDemoLogins()}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (
      error instanceof DemoDatabaseNotEmptyError ||
      error instanceof RangeError ||
      (error instanceof TypeError && "code" in error)
    ) {
      console.error(`seed: ${error.message}\n\n${help}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
