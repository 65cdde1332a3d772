// Measures ingest throughput: 1000-email batches (≈1.6 KB body each, client ids
// for idempotency) through the route handler — JSON parse, zod, reference and
// duplicate checks, multi-row INSERT, commit. Prints records/second by the wall
// clock and by this process's CPU time (steadier on a busy machine; on
// PostgreSQL it leaves out the server's own work). Asserts that every record
// landed. Run on both databases:
//   npx vitest run --project api tests/api/ingest-throughput.test.ts
//   TEST_DATABASE_URL=postgres://root@127.0.0.1:5432/test npx vitest run --project api tests/api/ingest-throughput.test.ts
import { beforeAll, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/api/engine/ingest/[kind]/route";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, uniqueSuffix, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";

const batchSize = 1000;
// The first batch warms the JIT and Prisma's connection; it is not counted.
const rounds = 5;

let org: TestOrg;
let key: TestApiKey;
let agentIds: string[];

beforeAll(async () => {
  org = await createTestOrg();
  key = await createTestApiKey(org.orgId, ["events:write"]);
  agentIds = (await Promise.all([1, 2, 3].map((n) => createTestAgent(org.orgId, `Agent ${n}`)))).map((a) => a.id);
});

function buildBatch(tag: string) {
  const paragraph =
    "Thanks for your message about order 4471. We have updated the delivery address and will confirm by email. ";
  const start = Date.UTC(2026, 0, 1);
  return JSON.stringify({
    records: Array.from({ length: batchSize }, (_, i) => ({
      id: `${tag}-${i}`,
      agentId: agentIds[i % agentIds.length],
      direction: i % 2 ? "inbound" : "outbound",
      messageId: `<${tag}-${i}@mail.example>`,
      fromAddress: "agent@acme.example",
      toAddresses: [`customer${i}@customer.example`],
      ccAddresses: i % 5 === 0 ? ["billing@acme.example"] : [],
      subject: `${tag} re: order ${i}`,
      body: paragraph.repeat(15),
      sentAt: new Date(start + i * 60_000).toISOString(),
    })),
  });
}

it(`ingests ${rounds} batches of ${batchSize} emails and reports records/second`, async () => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    const tag = uniqueSuffix();
    const body = buildBatch(tag);
    const request = new Request("http://localhost/api/engine/ingest/emails", {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
      body,
    });
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const response = await POST(request, { params: Promise.resolve({ kind: "emails" }) });
    const ms = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpuStart);
    const cpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
    expect(response.status).toBe(201);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(batchSize);
    expect(await db.email.count({ where: { orgId: org.orgId, subject: { startsWith: tag } } })).toBe(batchSize);
    if (round === 0) continue;
    wall.push(batchSize / (ms / 1000));
    cpu.push(batchSize / (cpuMs / 1000));
    console.log(
      `[ingest throughput] ${inject("databaseProvider")}: ${batchSize} emails (${(body.length / 1024 / 1024).toFixed(2)} MB) in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`,
    );
  }
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  console.log(
    `[ingest throughput] ${inject("databaseProvider")}: median ${median(wall)} records/s (wall), ${median(cpu)} records per CPU-second; best ${Math.round(Math.max(...wall))} records/s`,
  );
});

function buildAuditBatch(tag: string) {
  const start = Date.UTC(2026, 0, 1);
  return JSON.stringify({
    records: Array.from({ length: batchSize }, (_, i) => ({
      id: `${tag}-${i}`,
      occurredAt: new Date(start + i * 1_000).toISOString(),
      actorType: "agent",
      actorId: agentIds[i % agentIds.length],
      actorLabel: `Agent ${(i % agentIds.length) + 1}`,
      action: "agent.action_denied",
      category: "agent_enforcement",
      targetType: "recipient",
      targetId: `customer${i}@customer.example`,
      agentId: agentIds[i % agentIds.length],
      outcome: "denied",
      ip: "203.0.113.7",
      metadata: { reason: "recipient_domain_not_allowed", recipient: `customer${i}@customer.example`, tag },
    })),
  });
}

it(`ingests ${rounds} batches of ${batchSize} audit events (each one linked into the org's chain) and reports records/second`, async () => {
  const wall: number[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    const tag = uniqueSuffix();
    const body = buildAuditBatch(tag);
    const request = new Request("http://localhost/api/engine/ingest/audit-events", {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
      body,
    });
    const started = performance.now();
    const response = await POST(request, { params: Promise.resolve({ kind: "audit-events" }) });
    const ms = performance.now() - started;
    expect(response.status).toBe(201);
    expect(((await response.json()) as { accepted: number }).accepted).toBe(batchSize);
    if (round === 0) continue;
    wall.push(batchSize / (ms / 1000));
  }
  const median = (values: number[]) => Math.round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!);
  console.log(
    `[ingest throughput] ${inject("databaseProvider")}: audit events median ${median(wall)} records/s (wall); best ${Math.round(Math.max(...wall))} records/s`,
  );
});
