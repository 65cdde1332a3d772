// SQLite's ingest writer commits the batches that queued together in one
// transaction (lib/ingest/ingest-batches-together.ts). Each batch must still
// be all or nothing on its own: one that fails is rolled back and answered
// with its error, the others commit, and the org's chain stays gapless.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { ingestBatchesTogether, type GroupedBatch } from "@/lib/ingest/ingest-batches-together";
import { ingestBatchSchema } from "@/lib/ingest/schemas";
import { AppError } from "@/lib/errors/app-error";
import { createTestAgent, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";

let org: TestOrg;
let other: TestOrg;
let agentId: string;
let otherAgentId: string;

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
  agentId = (await createTestAgent(org.orgId, "Grouped agent")).id;
  otherAgentId = (await createTestAgent(other.orgId, "Someone else's agent")).id;
});

function auditBatch(
  tag: string,
  count: number,
  options: { agent?: string; repeatFirstId?: boolean } = {},
): GroupedBatch {
  const records = Array.from({ length: count }, (_, i) => ({
    id: `${tag}-${i}`,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    actorType: "agent",
    actorId: options.agent ?? agentId,
    action: "agent.email_sent",
    category: "agent_enforcement",
    agentId: options.agent ?? agentId,
    outcome: "success",
  }));
  // Validated as the route does, minus its own refusal of repeated ids (the
  // repeated id below stands for a batch failing at its insert, after its chain lock).
  const batch = ingestBatchSchema("audit-events").parse({ records });
  if (options.repeatFirstId) batch.records[count - 1]!.id = `${tag}-0`;
  return { identity: sessionIdentity(org), kind: "audit-events", batch };
}

describe("batches written together", () => {
  it("commits the good batches and answers the failing ones alone, leaving a gapless chain", async () => {
    const before = await db.auditEvent.count({ where: { orgId: org.orgId } });
    const outcomes = await ingestBatchesTogether(db, [
      auditBatch("g1", 20),
      auditBatch("g2", 15, { agent: otherAgentId }),
      auditBatch("g3", 10, { repeatFirstId: true }),
      auditBatch("g4", 5),
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false, true]);
    const [first, crossOrg, , last] = outcomes;
    expect(first).toMatchObject({ ok: true, result: { accepted: 20, duplicates: 0 } });
    expect(last).toMatchObject({ ok: true, result: { accepted: 5, duplicates: 0 } });
    expect(!crossOrg!.ok && crossOrg!.error instanceof AppError).toBe(true);
    expect(await db.auditEvent.count({ where: { orgId: org.orgId } })).toBe(before + 25);
    const chain = await verifyStoredAuditChain(db, org.orgId);
    expect(chain).toMatchObject({ status: "verified", count: before + 25 });
  });

  it("writes a batch alone all or nothing", async () => {
    const before = await db.auditEvent.count({ where: { orgId: org.orgId } });
    const [failed] = await ingestBatchesTogether(db, [auditBatch("a1", 10, { repeatFirstId: true })]);
    expect(failed).toMatchObject({ ok: false });
    expect(await db.auditEvent.count({ where: { orgId: org.orgId } })).toBe(before);
    const [written] = await ingestBatchesTogether(db, [auditBatch("a2", 10)]);
    expect(written).toMatchObject({ ok: true, result: { accepted: 10, duplicates: 0 } });
    expect(await verifyStoredAuditChain(db, org.orgId)).toMatchObject({ status: "verified", count: before + 10 });
  });

  it("answers every batch with the error when the transaction itself fails", async () => {
    const failing = Object.assign(Object.create(db) as typeof db, {
      $transaction: () => Promise.reject(new Error("database is locked")),
    });
    const outcomes = await ingestBatchesTogether(failing, [auditBatch("t1", 3), auditBatch("t2", 3)]);
    expect(outcomes).toHaveLength(2);
    for (const outcome of outcomes)
      expect(outcome).toMatchObject({ ok: false, error: { message: "database is locked" } });
  });
});
