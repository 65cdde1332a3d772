// The drills' own PostgreSQL database: a fresh one per run beside the shared
// ones (never the cluster itself), dropped after a passing run.
import pg from "pg";

export async function createDrillDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ name: string; url: string; drop: (passed: boolean) => Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop(passed) {
      if (passed && !process.env.DRILL_KEEP) await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      else console.log(`kept database ${name} for inspection`);
      await admin.end();
    },
  };
}
