// A separate process for the schedule race test: several of these tick at
// once against one database, like server processes whose tickers fire together.
import { createDatabaseClient } from "@/lib/db";
import { runDueSchedules } from "@/lib/compliance/schedules/run-due-schedules";

const [url, orgId, now] = process.argv.slice(2);
const db = createDatabaseClient(url);
runDueSchedules(db, { now: new Date(now ?? ""), orgId }).then(
  async (queued) => {
    process.stdout.write(`${JSON.stringify({ queued: queued.length })}\n`);
    await db.$disconnect();
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
