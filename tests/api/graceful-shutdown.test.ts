// SIGTERM on a real `npm start` server (scripts/start.mjs → next start, the
// production build; built first if stale): the server stops accepting at once,
// lets a request in flight (an ingest batch still arriving) finish, and exits;
// a request that outlives SHUTDOWN_GRACE_SECONDS is cut and the process still
// exits within that bound. Each case runs its own server on its own database.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { generateApiKey } from "@/lib/api-keys/api-key-format";
import { createDatabaseClient } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/test-database";

// The first start may build the app.
const startTimeoutMs = 300_000;

type Server = { process: ChildProcess; port: number; exited: Promise<{ code: number | null; at: number }> };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A fresh migrated database with one org and an `events:write` key; its URL and the plaintext key. */
async function databaseWithKey(): Promise<{ database: TestDatabase; key: string }> {
  const database = await createTestDatabase({ migrate: true, label: "shutdown" });
  const client = createDatabaseClient(database.url);
  const suffix = crypto.randomBytes(4).toString("hex");
  const org = await client.organization.create({ data: { slug: `shutdown-${suffix}`, name: "Shutdown" } });
  const { key, prefix, hashedKey } = generateApiKey();
  await client.apiKey.create({ data: { orgId: org.id, name: "ingest", prefix, hashedKey, scopes: "events:write" } });
  await client.$disconnect();
  return { database, key };
}

async function startServer(database: TestDatabase, graceSeconds: number): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: database.url,
      ATTEST_DATA_DIR: database.directory,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("hex"),
      ATTEST_SEED_DEMO: "false",
      SHUTDOWN_GRACE_SECONDS: String(graceSeconds),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once("exit", (code) => resolve({ code, at: Date.now() })),
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
    await database.drop();
  });
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start:\n${stderr}`);
    if ((await get(port, "/api/health").catch(() => null))?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${stderr}`);
    await sleep(250);
  }
  return { process: child, port, exited };
}

function get(port: number, path: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0 }));
    });
    request.on("error", reject);
  });
}

/** Whether a new TCP connection to the port is refused. */
function isRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/** An ingest POST whose body arrives in two parts: the request is in flight until `finish()`. */
function slowIngest(port: number, key: string) {
  const record = {
    id: `evt-${crypto.randomUUID()}`,
    action: "agent.config_changed",
    category: "agent_config",
  } as const;
  const body = JSON.stringify({
    records: [{ ...record, actorType: "system", outcome: "success", occurredAt: new Date().toISOString() }],
  });
  const request = http.request({
    host: "127.0.0.1",
    port,
    path: "/api/engine/ingest/audit-events",
    method: "POST",
    agent: false,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => void (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
  request.flushHeaders();
  request.write(body.slice(0, 20));
  return { answer, finish: () => request.end(body.slice(20)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("SIGTERM", () => {
  it(
    "refuses new connections, lets an ingest in flight finish, then exits",
    async () => {
      const { database, key } = await databaseWithKey();
      const server = await startServer(database, 30);
      const ingest = slowIngest(server.port, key);
      // The server has the request (headers parsed) and waits for the rest of its body.
      await sleep(500);

      const signalledAt = Date.now();
      server.process.kill("SIGTERM");
      await expect.poll(() => isRefused(server.port), { timeout: 3_000, interval: 100 }).toBe(true);
      ingest.finish();

      const answer = await ingest.answer;
      expect(answer.status, answer.body).toBe(201);
      expect(JSON.parse(answer.body)).toMatchObject({ kind: "audit-events", accepted: 1 });
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      // Nothing left to wait for: gone well before the 30 s grace.
      expect(exit.at - signalledAt).toBeLessThan(15_000);
    },
    startTimeoutMs + 60_000,
  );

  it(
    "cuts a request that outlives SHUTDOWN_GRACE_SECONDS and exits within the bound",
    async () => {
      const { database, key } = await databaseWithKey();
      const server = await startServer(database, 2);
      const ingest = slowIngest(server.port, key);
      const cut = ingest.answer.then(
        () => "answered",
        (error: NodeJS.ErrnoException) => error.code ?? error.message,
      );
      await sleep(500);

      const signalledAt = Date.now();
      server.process.kill("SIGTERM");
      const exit = await server.exited;
      expect(exit.code).toBe(0);
      // It waited for the request for the grace, then did not wait longer than it (plus the workers' hand-back).
      expect(exit.at - signalledAt).toBeGreaterThanOrEqual(1_900);
      expect(exit.at - signalledAt).toBeLessThan(8_000);
      expect(await cut).toMatch(/ECONNRESET|socket hang up/);
    },
    startTimeoutMs + 60_000,
  );
});
