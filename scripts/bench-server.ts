// The benchmark scripts' server handling: start the real server (build if
// stale) on a port and wait for health, stop it so workers hand leases back,
// plain HTTP requests, and /proc readings of the server's process tree.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import type { Database } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { generateSigningKey } from "@/lib/signing/generate-signing-key";
import { request } from "./bench/http-request";

// The benches import it from here with the rest of the server handling.
export { request };

const root = process.cwd();

export type Server = { child: ChildProcess; pid: number; port: number; hwm: () => number };

export async function startServer(options: {
  port: number;
  databaseUrl: string;
  env?: Record<string, string>;
  /** Where its output goes; the bench shows it, other scripts collect it. */
  stdio?: "inherit" | "pipe";
}): Promise<Server> {
  const { port, databaseUrl } = options;
  console.log(`Starting the server on :${port} (builds first if the build is stale)…`);
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      REPORT_WORKERS: "1",
      LOG_LEVEL: "warn",
      ...benchSigningKey(databaseUrl),
      ...options.env,
    },
    stdio: ["ignore", options.stdio ?? "inherit", options.stdio ?? "inherit"],
  });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    const status = await request(port, "GET", "/api/health").then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (Date.now() > deadline) throw new Error("The server did not become healthy");
    await sleep(500);
  }
  const pid = child.pid!;
  return {
    child,
    pid,
    port,
    hwm: () => Math.max(0, ...descendants(pid).map((p) => readStatusKb(p, "VmHWM") / 1024)),
  };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Signal the server itself too: npx does not always pass SIGTERM on.
  for (const pid of descendants(child.pid!)) {
    if (readCommand(pid).startsWith("next-server")) process.kill(pid, "SIGTERM");
  }
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(30_000)]);
}

function readCommand(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

export function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const visit = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid !== parent) continue;
      found.push(child);
      visit(child);
    }
  };
  visit(pid);
  return found;
}

export function readStatusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU-seconds the whole machine has spent busy (user, nice, system, interrupts;
 * not idle or I/O wait) since boot, summed over its CPUs by os.cpus(). Differences
 * of it compare a report with its baseline by the work both cost every process
 * (the server's threads, the database's backends, the CLI), which on a
 * saturated machine is what the wall time follows.
 */
export function readMachineCpuSeconds(): number {
  const busyMs = os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
  return busyMs / 1000;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** An API key of the org (both report scopes unless others are named), for the benchmark's requests. */
export async function createBenchKey(
  db: Database,
  orgId: string,
  scopes = "reports:read reports:write",
): Promise<string> {
  const { key, prefix, hashedKey } = generateApiKey();
  await db.apiKey.create({
    data: { orgId, name: `bench ${new Date().toISOString()}`, prefix, hashedKey, scopes },
    select: { id: true },
  });
  return key;
}

/**
 * PostgreSQL needs a configured signing key: unless one is set, the bench keeps
 * its own under data/bench/ (SQLite generates one into the data directory).
 */
function benchSigningKey(databaseUrl: string): Record<string, string> {
  if (getDatabaseProvider(databaseUrl) !== "postgresql") return {};
  if (process.env.ATTEST_SIGNING_KEY || process.env.ATTEST_SIGNING_KEY_FILE) return {};
  const file = path.join(root, "data", "bench", "signing-key.json");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(generateSigningKey()), { mode: 0o600 });
  }
  return { ATTEST_SIGNING_KEY_FILE: file };
}

/** Queues a SOC2 Summary of the last 365 days (UTC) through the API: the drills' long report. */
export function queueYearSoc2(port: number, apiKey: string) {
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  return request(
    port,
    "POST",
    "/api/engine/compliance/reports/soc2",
    apiKey,
    JSON.stringify({ dateRange: { from, to: today } }),
  );
}
