// On SQLite, ingest writes in a thread of its own (lib/ingest/ingest-batch-body.ts):
// while another connection holds the database's write lock, the batch waits
// there, and this thread (the one answering requests) goes on running timers
// and queries. Written in this thread, better-sqlite3 would block it for the
// whole wait, and here even deadlock: the lock holder could never be released.
import SqliteDatabase from "better-sqlite3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { POST } from "@/app/api/engine/ingest/[kind]/route";
import { readJsonBodyBytes } from "@/lib/api/read-json-body";
import type { ApiKeyIdentity } from "@/lib/auth/identity";
import { writeInIngestWriterThread } from "@/lib/ingest/write-in-ingest-writer-thread";
import { db } from "@/lib/db";
import { getSqliteFilePath } from "@/lib/db/database-url";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";

const isSqlite = inject("databaseProvider") === "sqlite";

let org: TestOrg;
let key: TestApiKey;
let agentId: string;

beforeAll(async () => {
  org = await createTestOrg();
  key = await createTestApiKey(org.orgId, ["events:write"]);
  agentId = (await createTestAgent(org.orgId, "Writer thread agent")).id;
  // The first batch starts the writer thread (from sources, its start-up compiles TypeScript).
  const warm = await postAuditEvents("warm-up", 1);
  expect(warm.status).toBe(201);
});

function auditEventRecord(id: string, occurredAt: string) {
  return {
    id,
    occurredAt,
    actorType: "agent",
    actorId: agentId,
    action: "agent.email_sent",
    category: "agent_enforcement",
    agentId,
    outcome: "success",
  };
}

function postAuditEvents(tag: string, count: number) {
  const records = Array.from({ length: count }, (_, i) =>
    auditEventRecord(`${tag}-${i}`, new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()),
  );
  return POST(
    new Request("http://localhost/api/engine/ingest/audit-events", {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
      body: JSON.stringify({ records }),
    }),
    { params: Promise.resolve({ kind: "audit-events" }) },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(isSqlite)("the SQLite ingest writer thread", () => {
  it("waits out another connection's write lock without holding up this thread", async () => {
    const holder = new SqliteDatabase(getSqliteFilePath(inject("databaseUrl")));
    holder.exec("BEGIN IMMEDIATE");
    let released = false;
    try {
      let settled = false;
      const ingest = postAuditEvents("while-locked", 50).finally(() => (settled = true));
      const started = performance.now();
      await sleep(300);
      const timerLag = performance.now() - started - 300;
      // Reads go on meanwhile (WAL): this thread's own connection answers.
      const agents = await db.agent.count({ where: { orgId: org.orgId } });
      expect(agents).toBe(1);
      expect(settled).toBe(false);
      expect(timerLag).toBeLessThan(250);

      holder.exec("COMMIT");
      released = true;
      const response = await ingest;
      expect(response.status).toBe(201);
      expect(((await response.json()) as { accepted: number }).accepted).toBe(50);
      expect(await db.auditEvent.count({ where: { orgId: org.orgId, actorId: agentId } })).toBe(51);
    } finally {
      if (!released) holder.exec("ROLLBACK");
      holder.close();
    }
  });

  it("commits durably: Prisma's SQLite connections run with synchronous=FULL", async () => {
    const [row] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
    expect(Number(row?.synchronous)).toBe(2);
  });

  it("answers a batch's validation failure from the thread as the same 400 naming the field", async () => {
    const response = await POST(
      new Request("http://localhost/api/engine/ingest/audit-events", {
        method: "POST",
        headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
        body: JSON.stringify({
          records: [
            {
              occurredAt: "2026-01-01T00:00:00Z",
              actorType: "agent",
              action: "agent.email_sent",
              category: "agent_enforcement",
              agentId: "no-such-agent",
              outcome: "success",
            },
          ],
        }),
      }),
      { params: Promise.resolve({ kind: "audit-events" }) },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { fields: Record<string, string[]> } } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.fields["records.0.agentId"]).toEqual([
      "Unknown agent in this organization: no-such-agent",
    ]);
  });
});

describe("the ingest writer thread parses and validates the body it is handed", () => {
  const post = (body: string | Uint8Array<ArrayBuffer>) =>
    POST(
      new Request("http://localhost/api/engine/ingest/audit-events", {
        method: "POST",
        headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
        body,
      }),
      { params: Promise.resolve({ kind: "audit-events" }) },
    );
  const errorOf = async (response: Response) =>
    (
      (await response.json()) as {
        error: { code: string; message: string; details?: { fields: Record<string, string[]> } };
      }
    ).error;

  it("answers malformed JSON and a schema's refusal as the same 400s as any route", async () => {
    const malformed = await post('{"records": [');
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toMatchObject({
      code: "bad_request",
      message: "The request body is not valid JSON",
    });

    const refused = await post(JSON.stringify({ records: [{ id: "no-time", actorType: "agent" }] }));
    expect(refused.status).toBe(400);
    const error = await errorOf(refused);
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details?.fields ?? {})).toContain("records.0.occurredAt");

    const empty = await post("");
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).details?.fields).toHaveProperty("records");
  });

  it("reads a body that starts with a UTF-8 byte order mark, as TextDecoder does", async () => {
    const record = auditEventRecord("bom-0", "2026-01-02T00:00:00.000Z");
    const json = Buffer.from(JSON.stringify({ records: [record] }));
    const response = await post(new Uint8Array([0xef, 0xbb, 0xbf, ...json]));
    expect(response.status).toBe(201);
  });

  it("moves a body that is the whole of its memory to the thread, and copies one that is not", async () => {
    const text = JSON.stringify({ records: [{ id: "bad" }] });
    const whole = new Uint8Array(Buffer.from(text));
    const refusedWhole = writeInIngestWriterThread(inject("databaseUrl"), identity(), "audit-events", whole);
    expect(whole.byteLength).toBe(0); // detached: transferred, not copied
    await expect(refusedWhole).rejects.toMatchObject({ code: "validation_failed" });

    const shared = new Uint8Array(text.length + 8);
    shared.set(Buffer.from(text), 8);
    const slice = shared.subarray(8);
    const refusedSlice = writeInIngestWriterThread(inject("databaseUrl"), identity(), "audit-events", slice);
    expect(slice.byteLength).toBe(text.length);
    await expect(refusedSlice).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("reads a small body into memory of its own (a slice of node's buffer pool must never move)", async () => {
    const body = await readJsonBodyBytes(
      new Request("http://localhost/", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      1024,
    );
    expect(body.byteLength).toBe(2);
    expect(body.buffer.byteLength).toBe(2);
  });
});

function identity(): ApiKeyIdentity {
  return { kind: "api_key", apiKeyId: key.id, orgId: org.orgId, scopes: ["events:write"], label: "writer thread test" };
}
