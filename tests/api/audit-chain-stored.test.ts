// The stored audit trail is one hash chain per org. Every kind of tampering
// with the database is reported with the exact sequence number where the
// chain stops holding; an erased personal field verifies as redacted.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as verifyRoute } from "@/app/api/engine/compliance/audit-trail/verify/route";
import { genesisHash } from "@/lib/audit-chain/chained-audit-event";
import { hashAuditEvent } from "@/lib/audit-chain/hash-audit-event";
import { redactChainedEvent } from "@/lib/audit-chain/redact-chained-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readAuditChainEvents } from "@/lib/audit/read-audit-chain-events";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { verifyStoredChainRange } from "@/lib/audit/verify-stored-chain-range";
import { db } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import { createTestApiKey, createTestOrg, type TestOrg } from "@/tests/support/fixtures";

// Counts the verification threads started, with the niceness each is given; each still runs as it would.
const segmentThreads = vi.hoisted(() => ({ started: 0, nices: [] as number[] }));
vi.mock("@/lib/audit/spawn-chain-segment-thread", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/audit/spawn-chain-segment-thread")>();
  return {
    spawnChainSegmentThread: (...args: Parameters<typeof original.spawnChainSegmentThread>) => {
      segmentThreads.started += 1;
      segmentThreads.nices.push(args[0].nice);
      return original.spawnChainSegmentThread(...args);
    },
  };
});

let org: TestOrg;
let head: number;

async function recordEvents(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await recordAuditEvent({
      orgId: org.orgId,
      actorType: "user",
      actorId: `user-${i}`,
      actorLabel: `person${i}@acme.test`,
      action: "user.updated",
      category: "user_admin",
      ip: "203.0.113.9",
      metadata: { email: `person${i}@acme.test`, step: i, nested: { list: [1, "two", null] } },
      occurredAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
    });
  }
}

async function eventAt(seq: number) {
  return db.auditEvent.findUniqueOrThrow({ where: { orgId_seq: { orgId: org.orgId, seq } } });
}

beforeEach(async () => {
  org = await createTestOrg();
  await recordEvents(8);
  head = (await db.auditEvent.count({ where: { orgId: org.orgId } })) as number;
});

describe("the stored chain", () => {
  it("is gapless from 1 and verifies", async () => {
    const result = await verifyStoredAuditChain(db, org.orgId);
    expect(result).toMatchObject({ status: "verified", firstSeq: 1, lastSeq: head, count: head });
    expect(result.headHash).toBe((await eventAt(head)).hash);
  });

  it("verifies a range that starts past the first event", async () => {
    const result = await verifyStoredAuditChain(db, org.orgId, { from: 3, to: 5 });
    expect(result).toMatchObject({ status: "verified", firstSeq: 3, lastSeq: 5, count: 3 });
  });

  it("catches a field of one event updated in the database", async () => {
    await db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "orgId" = ${org.orgId} AND "seq" = 4`;
    const result = await verifyStoredAuditChain(db, org.orgId);
    expect(result).toMatchObject({ status: "broken", brokenAt: { seq: 4 } });
    expect(result.brokenAt?.reason).toMatch(/changed/);
    expect(result.lastSeq).toBe(3);
  });

  it("catches a change made after the chain verified: what was verified before is known only by its very text", async () => {
    expect((await verifyStoredAuditChain(db, org.orgId)).status).toBe("verified");
    await db.$executeRaw`UPDATE "AuditEvent" SET "outcome" = 'failure' WHERE "orgId" = ${org.orgId} AND "seq" = 6`;
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE "orgId" = ${org.orgId} AND "seq" = 3`;
    const result = await verifyStoredAuditChain(db, org.orgId);
    expect(result).toMatchObject({ status: "broken", brokenAt: { seq: 3 }, lastSeq: 2 });
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'person2@acme.test' WHERE "orgId" = ${org.orgId} AND "seq" = 3`;
    expect((await verifyStoredAuditChain(db, org.orgId)).brokenAt?.seq).toBe(6);
  });

  it("catches a personal value changed in the database", async () => {
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE "orgId" = ${org.orgId} AND "seq" = 2`;
    expect((await verifyStoredAuditChain(db, org.orgId)).brokenAt?.seq).toBe(2);
  });

  it("catches one event deleted", async () => {
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "orgId" = ${org.orgId} AND "seq" = 5`;
    const result = await verifyStoredAuditChain(db, org.orgId);
    expect(result).toMatchObject({ status: "broken", brokenAt: { seq: 5 } });
    expect(result.brokenAt?.reason).toMatch(/missing/);
  });

  it("catches an event inserted with a forged sequence number (later events renumbered)", async () => {
    const events = await db.auditEvent.findMany({ where: { orgId: org.orgId }, orderBy: { seq: "desc" } });
    // Make room at 5: move every later event up by one, newest first (the unique index holds at each step).
    for (const event of events.filter((e) => e.seq >= 5)) {
      await db.auditEvent.update({ where: { id: event.id }, data: { seq: event.seq + 1 } });
    }
    const four = await eventAt(4);
    const forged = {
      ...four,
      id: `forged-${org.orgId}`,
      seq: 5,
      prevHash: four.hash,
      action: "user.deleted",
      metadata: four.metadata as Record<string, unknown>,
      source: { kind: "attest" as const },
      redactions: null,
    };
    const hash = hashAuditEvent(forged);
    await db.auditEvent.create({
      data: {
        ...four,
        id: forged.id,
        seq: 5,
        prevHash: four.hash,
        action: "user.deleted",
        hash,
        metadata: four.metadata as Prisma.InputJsonValue,
        redactions: Prisma.DbNull,
      },
    });
    const result = await verifyStoredAuditChain(db, org.orgId);
    // The forgery hashes correctly and follows event 4; the event it displaced no longer follows it.
    expect(result).toMatchObject({ status: "broken", lastSeq: 5, brokenAt: { seq: 6 } });
  });

  it("catches two events' order swapped", async () => {
    const [three, four] = [await eventAt(3), await eventAt(4)];
    await db.$transaction([
      db.auditEvent.update({ where: { id: three.id }, data: { seq: -1 } }),
      db.auditEvent.update({ where: { id: four.id }, data: { seq: 3 } }),
      db.auditEvent.update({ where: { id: three.id }, data: { seq: 4 } }),
    ]);
    expect((await verifyStoredAuditChain(db, org.orgId)).brokenAt?.seq).toBe(3);
  });

  it("reports an erased personal field as redacted, not broken", async () => {
    const stored = (await collect(readAuditChainEvents(rawSqlOf(db), org.orgId, { from: 6, to: 6 })))[0]!;
    const erased = redactChainedEvent(stored, ["actorLabel", "ip", "metadata.email"]);
    expect(erased.actorLabel).toBeNull();
    expect(erased.metadata).not.toHaveProperty("email");
    await db.auditEvent.update({
      where: { id: stored.id },
      data: {
        actorLabel: erased.actorLabel,
        ip: erased.ip,
        metadata: erased.metadata as Prisma.InputJsonValue,
        redactions: erased.redactions as Prisma.InputJsonValue,
      },
    });
    const result = await verifyStoredAuditChain(db, org.orgId);
    expect(result).toMatchObject({ status: "verified", count: head, redactedCount: 1 });

    // Putting a value back where one was erased is tampering.
    await db.auditEvent.update({ where: { id: stored.id }, data: { actorLabel: "restored@acme.test" } });
    expect((await verifyStoredAuditChain(db, org.orgId)).brokenAt?.seq).toBe(6);
  });

  it("appends inside the caller's transaction, leaving the client usable for the next one", async () => {
    await db.$transaction((tx) =>
      recordAuditEvent({ orgId: org.orgId, actorType: "system", action: "x.in_tx", category: "system_config" }, tx),
    );
    await recordAuditEvent({ orgId: org.orgId, actorType: "system", action: "x.after", category: "system_config" });
    expect(await verifyStoredAuditChain(db, org.orgId)).toMatchObject({ status: "verified", count: head + 2 });
  });

  it("keeps appending after the head, whoever writes", async () => {
    await recordEvents(2);
    const result = await verifyStoredAuditChain(db, org.orgId);
    expect(result).toMatchObject({ status: "verified", count: head + 2, lastSeq: head + 2 });
  });
});

describe("GET /audit-trail/verify", () => {
  const noParams = { params: Promise.resolve({}) };
  const url = (query = "") => `http://localhost/api/engine/compliance/audit-trail/verify${query}`;

  it("answers the org's own chain to a reports:read key, and only that org's", async () => {
    const other = await createTestOrg();
    await recordAuditEvent({ orgId: other.orgId, actorType: "system", action: "x.y", category: "system_config" });
    const key = await createTestApiKey(org.orgId, ["reports:read"]);
    const response = await verifyRoute(
      new Request(url(), { headers: { authorization: `Bearer ${key.key}` } }),
      noParams,
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "verified", firstSeq: 1, lastSeq: head, count: head });
  });

  it("reports a break with its sequence number", async () => {
    await db.$executeRaw`UPDATE "AuditEvent" SET "action" = 'user.created' WHERE "orgId" = ${org.orgId} AND "seq" = 7`;
    const key = await createTestApiKey(org.orgId, ["reports:read"]);
    const response = await verifyRoute(
      new Request(url("?from=2"), { headers: { authorization: `Bearer ${key.key}` } }),
      noParams,
    );
    expect(await response.json()).toMatchObject({ status: "broken", firstSeq: 2, brokenAt: { seq: 7 } });
  });

  it("refuses a range that ends before it starts, naming the field", async () => {
    const key = await createTestApiKey(org.orgId, ["reports:read"]);
    const response = await verifyRoute(
      new Request(url("?from=5&to=2"), { headers: { authorization: `Bearer ${key.key}` } }),
      noParams,
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields).toHaveProperty("to");
  });

  it("refuses a key without reports:read", async () => {
    const key = await createTestApiKey(org.orgId, ["events:write"]);
    const response = await verifyRoute(
      new Request(url(), { headers: { authorization: `Bearer ${key.key}` } }),
      noParams,
    );
    expect(response.status).toBe(403);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe("the stored chain verified by several threads", () => {
  // One event per thread at least: real worker threads, each on its own connection.
  const threads = { count: 3, minEventsPerThread: 1 };
  const verifyBoth = async (to: number) => {
    const range = { orgId: org.orgId, to, start: { seq: 1, prevHash: genesisHash }, periodFirst: 2, wantedSeqs: [3] };
    const [inThreads, besideCaller, inOnePass] = await Promise.all([
      verifyStoredChainRange(db, { ...range, threads }),
      // The whole range in one thread, beside this one.
      verifyStoredChainRange(db, { ...range, threads, besideCaller: true }),
      verifyStoredChainRange(db, { ...range, threads: { count: 1, minEventsPerThread: 1 } }),
    ]);
    expect(inThreads.threads).toBe(3);
    expect(besideCaller.threads).toBe(1);
    expect(inOnePass.threads).toBe(1);
    expect({ ...inThreads, threads: 1 }).toEqual(inOnePass);
    expect(besideCaller).toEqual(inOnePass);
    return inThreads;
  };

  it("answers what one pass answers, for an intact chain and for a deleted event at a segment's edge", async () => {
    const intact = await verifyBoth(head);
    expect(intact.verification).toMatchObject({ status: "verified", count: head, lastSeq: head });
    expect(intact.storedHashes.get(3)).toBe((await eventAt(3)).hash);

    // Three segments of eight events: [1-3], [4-6], [7-8]; event 4 opens the second.
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "orgId" = ${org.orgId} AND "seq" = 4`;
    const broken = await verifyBoth(head);
    expect(broken.verification).toMatchObject({
      status: "broken",
      count: 3,
      brokenAt: { seq: 4, reason: "Event 4 is missing (the next stored event is 5)" },
    });
  });

  it("verifies beside the caller in one thread, or in the caller when the range is too short for a thread", async () => {
    const range = { orgId: org.orgId, to: head, start: { seq: 1, prevHash: genesisHash }, periodFirst: null };
    segmentThreads.started = 0;
    segmentThreads.nices = [];
    const inThreads = await verifyStoredChainRange(db, { ...range, wantedSeqs: [], threads });
    expect(segmentThreads.started).toBe(3);
    // Side by side at the report threads' niceness; beside a build, between it and the requests'.
    expect(segmentThreads.nices).toEqual([10, 10, 10]);
    segmentThreads.started = 0;
    segmentThreads.nices = [];
    const besideCaller = await verifyStoredChainRange(db, { ...range, wantedSeqs: [], threads, besideCaller: true });
    expect(segmentThreads.started).toBe(1);
    expect(segmentThreads.nices).toEqual([5]);
    expect(besideCaller).toEqual({ ...inThreads, threads: 1 });
    segmentThreads.started = 0;
    const tooShort = await verifyStoredChainRange(db, {
      ...range,
      wantedSeqs: [],
      threads: { count: 3, minEventsPerThread: head + 1 },
      besideCaller: true,
    });
    expect(segmentThreads.started).toBe(0);
    expect(tooShort).toEqual(besideCaller);
  });

  it("stops when the caller's checkpoint throws", async () => {
    const range = { orgId: org.orgId, to: head, start: { seq: 1, prevHash: genesisHash }, periodFirst: null };
    const stop = () => {
      throw new Error("report stopped");
    };
    await expect(verifyStoredChainRange(db, { ...range, wantedSeqs: [], threads, checkpoint: stop })).rejects.toThrow(
      "report stopped",
    );
    await expect(
      verifyStoredChainRange(db, { ...range, wantedSeqs: [], threads, checkpoint: stop, besideCaller: true }),
    ).rejects.toThrow("report stopped");
  });
});
