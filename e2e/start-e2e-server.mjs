// Playwright's web server: a fresh data directory (database, auth secret) for
// this run, then the normal `npm start` path (build if stale, migrate, seed, serve).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

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
  if (ageMs > 6 * 60 * 60 * 1000) fs.rmSync(candidate, { recursive: true, force: true });
}
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const server = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
