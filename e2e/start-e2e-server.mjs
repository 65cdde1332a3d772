// Playwright's web server: a fresh data directory (and, on PostgreSQL, a fresh
// database) for this run, then the normal `npm start` path (build if stale,
// migrate, serve); both are removed when the server stops.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const staleAfterMs = 6 * 60 * 60 * 1000;
const dataDir = process.env.ATTEST_DATA_DIR;
if (!dataDir || !path.basename(dataDir).startsWith("attest-e2e-")) {
  console.error("start-e2e-server: ATTEST_DATA_DIR must be an attest-e2e-* directory (set by playwright.config.ts)");
  process.exit(1);
}
// Runs killed without a chance to clean up leave their directories behind; sweep old ones.
const parent = path.dirname(dataDir);
for (const entry of fs.readdirSync(parent)) {
  const candidate = path.join(parent, entry);
  if (!entry.startsWith("attest-e2e-") || candidate === dataDir) continue;
  const ageMs = Date.now() - fs.statSync(candidate).mtimeMs;
  if (ageMs > staleAfterMs) fs.rmSync(candidate, { recursive: true, force: true });
}
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const database = postgresDatabaseOf(process.env.DATABASE_URL ?? "");
if (database) {
  await withServer(database.serverUrl, async (client) => {
    await dropStaleE2eDatabases(client);
    await client.query(`CREATE DATABASE "${database.name}"`);
  });
}

const server = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", async (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (database) {
    // FORCE: test workers may still hold connections when the server stops.
    await withServer(database.serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`),
    ).catch((error) => console.error(`start-e2e-server: could not drop ${database.name}: ${error.message}`));
  }
  process.exit(code ?? (signal ? 1 : 0));
});

/** The run's own PostgreSQL database (named by e2e/support/e2e-run.ts), or null on SQLite. */
function postgresDatabaseOf(url) {
  if (!/^postgres(ql)?:\/\//i.test(url)) return null;
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^attest_e2e_[0-9a-z]+_[0-9a-f]{8}$/.test(name)) {
    console.error(`start-e2e-server: refusing to create or drop "${name}", which is not an e2e run's database`);
    process.exit(1);
  }
  // CREATE and DROP DATABASE run in the database E2E_DATABASE_URL names (as the API tests' do).
  const requested = process.env.E2E_DATABASE_URL?.trim();
  if (requested && /^postgres(ql)?:\/\//i.test(requested)) return { name, serverUrl: requested };
  parsed.pathname = "/postgres";
  return { name, serverUrl: parsed.toString() };
}

async function withServer(serverUrl, work) {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Databases of runs killed before they could drop theirs (the creation time is in the name). */
async function dropStaleE2eDatabases(client) {
  const { rows } = await client.query(
    "SELECT datname FROM pg_database WHERE datname ~ '^attest_e2e_[0-9a-z]+_[0-9a-f]{8}$'",
  );
  for (const { datname } of rows) {
    const createdAt = parseInt(datname.split("_")[2], 36);
    if (Date.now() - createdAt > staleAfterMs) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}
