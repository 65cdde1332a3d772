// npm run db:migrate — applies pending committed migrations to DATABASE_URL
// (default: the embedded SQLite file) and prints what it applied.
import { applyMigrations } from "@/lib/db/apply-migrations";
import { getDatabaseUrl } from "@/lib/db/database-url";

async function main() {
  const url = getDatabaseUrl();
  const { provider, applied, missingLocally } = await applyMigrations(url);
  const where = provider === "sqlite" ? url : url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
  if (missingLocally.length > 0) {
    console.warn(`Warning: applied to the database but missing here: ${missingLocally.join(", ")}`);
  }
  if (applied.length === 0) {
    console.log(`${provider} ${where}: up to date, no migration applied.`);
    return;
  }
  console.log(`${provider} ${where}: applied ${applied.length} migration(s):`);
  for (const name of applied) console.log(`  ${name}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
