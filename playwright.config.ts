// Browser tests against a production build on a free port, with a fresh database
// for every run: a SQLite file by default, or a new PostgreSQL database on the
// server E2E_DATABASE_URL names. Specs create their own orgs (e2e/support/fixtures.ts),
// so the server starts without the demo.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { establishE2eRun } from "./e2e/support/e2e-run";

// Chosen once in the runner process; worker processes inherit it through the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
])
  .toString()
  .trim();
process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `attest-e2e-${process.env.E2E_PORT}`);
const run = establishE2eRun(process.env.E2E_DATA_DIR);
// The fixtures' database threads inherit it, so lib/db's default client opens the run's database, never ./data.
process.env.DATABASE_URL = run.databaseUrl;

const port = process.env.E2E_PORT;
const dataDir = process.env.E2E_DATA_DIR;
const baseURL = `http://localhost:${port}`;
const isCI = Boolean(process.env.CI);

// Debian's Chromium by default (Playwright's own download is unreachable offline);
// PLAYWRIGHT_CHROMIUM_PATH overrides it, and without either Playwright uses its own browser.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = fs.existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: isCI
    ? [["list"], ["json", { outputFile: `test-results/ci/e2e-${run.provider}.json` }]]
    : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: "node e2e/start-e2e-server.mjs",
    url: `${baseURL}/api/health`,
    // The first run builds the app (scripts/start.mjs rebuilds only when sources changed).
    timeout: 300_000,
    reuseExistingServer: !isCI && process.env.E2E_REUSE_SERVER === "true",
    // SIGTERM first so the server can hand back report leases and remove its data directory.
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    // The server's request log would drown the test report; its errors still show.
    stdout: process.env.E2E_SERVER_LOG === "true" ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      PORT: port,
      ATTEST_DATA_DIR: dataDir,
      DATABASE_URL: run.databaseUrl,
      NEXTAUTH_URL: baseURL,
      // Known to the fixtures, which mint session cookies with it.
      NEXTAUTH_SECRET: run.authSecret,
      // Every spec makes the orgs and users it needs; nothing may lean on the demo.
      ATTEST_SEED_DEMO: "false",
      ...(run.signingKey ? { ATTEST_SIGNING_KEY: run.signingKey } : {}),
    },
  },
});
