// POST /api/engine/ingest/{kind} against a real database: who may push, what is
// stored (in the caller's org only), all-or-nothing validation, idempotent
// retries, size limits and the per-key rate limit.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import { POST } from "@/app/api/engine/ingest/[kind]/route";
import { createTestAgent } from "@/tests/support/compliance-fixtures";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  uniqueSuffix,
  type TestApiKey,
  type TestOrg,
} from "@/tests/support/fixtures";
import type { ErrorBody } from "@/tests/support/error-body";

// Room for every request this file makes with one key; the 429 test lowers it.
process.env.ATTEST_INGEST_RATE_LIMIT = "1000";

type IngestBody = {
  kind: string;
  accepted: number;
  duplicates: number;
  records: { id: string; clientId: string | null; status: "created" | "duplicate" }[];
};

let acme: TestOrg;
let globex: TestOrg;
let writer: TestApiKey;
let agent: { id: string };
let otherAgent: { id: string };
let rule: { id: string; severity: string };
let secret: { id: string };
let otherSecret: { id: string };

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
  writer = await createTestApiKey(acme.orgId, ["events:write"]);
  [agent, otherAgent] = await Promise.all([
    createTestAgent(acme.orgId, "Support bot"),
    createTestAgent(globex.orgId, "Globex bot"),
  ]);
  rule = await db.dlpRule.create({
    data: { orgId: acme.orgId, name: "Cards", detector: "payment_card", severity: "critical", action: "block" },
    select: { id: true, severity: true },
  });
  const createSecret = (orgId: string) =>
    db.vaultSecret.create({
      data: { orgId, name: `smtp-${uniqueSuffix()}`, kind: "smtp_credential" },
      select: { id: true },
    });
  [secret, otherSecret] = await Promise.all([createSecret(acme.orgId), createSecret(globex.orgId)]);
});

afterEach(() => {
  process.env.ATTEST_INGEST_RATE_LIMIT = "1000";
});

function post(kind: string, body: unknown, auth: { key?: string; cookie?: string } = { key: writer.key }) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (auth.cookie) headers.cookie = auth.cookie;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return POST(new Request(`http://localhost/api/engine/ingest/${kind}`, { method: "POST", headers, body: text }), {
    params: Promise.resolve({ kind }),
  });
}

function email(overrides: Record<string, unknown> = {}) {
  return {
    agentId: agent.id,
    direction: "outbound",
    messageId: `<${uniqueSuffix()}@mail.acme.example>`,
    fromAddress: "support-bot@acme.example",
    toAddresses: ["jane.doe@customer.example"],
    ccAddresses: ["billing@acme.example"],
    subject: "Your refund",
    body: "Hello Jane, your refund is on its way.",
    sentAt: "2026-01-31T12:00:00Z",
    ...overrides,
  };
}

function auditEvent(overrides: Record<string, unknown> = {}) {
  return {
    occurredAt: "2026-01-31T09:30:00.250+02:00",
    actorType: "agent",
    actorId: agent.id,
    actorLabel: "Support bot",
    action: "agent.action_denied",
    category: "agent_enforcement",
    targetType: "tool",
    targetId: "send_wire_transfer",
    agentId: agent.id,
    outcome: "denied",
    ip: "198.51.100.4",
    metadata: { tool: "send_wire_transfer", reason: "not in allowedTools" },
    ...overrides,
  };
}

/** A batch whose subject lines are unique to this call, to count exactly its rows. */
function emailBatch(size: number, overrides: Record<string, unknown> = {}) {
  const tag = uniqueSuffix();
  return { tag, records: Array.from({ length: size }, (_, i) => email({ subject: `${tag} #${i}`, ...overrides })) };
}

const countTagged = (orgId: string, tag: string) => db.email.count({ where: { orgId, subject: { startsWith: tag } } });

describe("who may ingest", () => {
  it("answers 401 without credentials and with an unknown key", async () => {
    for (const auth of [{}, { key: "att_00000000_00000000000000000000000000000000" }]) {
      const response = await post("emails", { records: [email()] }, auth);
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).error.code).toBe("unauthorized");
    }
  });

  it("answers 403 to keys without events:write, to auditors and to members, and writes nothing", async () => {
    const readKey = await createTestApiKey(acme.orgId, ["reports:read", "reports:write"]);
    const batch = emailBatch(2);
    const callers = [
      { key: readKey.key },
      { cookie: await sessionCookieFor(acme.auditor, acme.orgId) },
      { cookie: await sessionCookieFor(acme.member, acme.orgId) },
    ];
    for (const auth of callers) {
      const response = await post("emails", { records: batch.records }, auth);
      expect(response.status).toBe(403);
      const body = (await response.json()) as ErrorBody;
      expect(body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("events:write") });
    }
    expect(await countTagged(acme.orgId, batch.tag)).toBe(0);
  });

  it("lets an admin session ingest into the admin's org", async () => {
    const batch = emailBatch(2);
    const response = await post(
      "emails",
      { records: batch.records },
      { cookie: await sessionCookieFor(acme.admin, acme.orgId) },
    );
    expect(response.status).toBe(201);
    expect(await countTagged(acme.orgId, batch.tag)).toBe(2);
  });

  it("answers 404 for an unknown kind", async () => {
    const response = await post("payments", { records: [email()] });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain("emails");
  });
});

describe("what is written", () => {
  it("stores a valid email batch in the key's org, with every field, and answers 201 with the ids", async () => {
    const batch = emailBatch(3);
    const response = await post("emails", { records: batch.records });
    expect(response.status).toBe(201);
    const body = (await response.json()) as IngestBody;
    expect(body).toMatchObject({ kind: "emails", accepted: 3, duplicates: 0 });
    expect(body.records).toHaveLength(3);
    expect(body.records.every((r) => r.status === "created" && r.clientId === null)).toBe(true);

    const rows = await db.email.findMany({
      where: { id: { in: body.records.map((r) => r.id) } },
      orderBy: { subject: "asc" },
      select: {
        orgId: true,
        agentId: true,
        direction: true,
        fromAddress: true,
        toAddresses: true,
        ccAddresses: true,
        subject: true,
        body: true,
        sentAt: true,
      },
    });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      orgId: acme.orgId,
      agentId: agent.id,
      direction: "outbound",
      fromAddress: "support-bot@acme.example",
      toAddresses: ["jane.doe@customer.example"],
      ccAddresses: ["billing@acme.example"],
      subject: `${batch.tag} #0`,
      body: "Hello Jane, your refund is on its way.",
      sentAt: new Date("2026-01-31T12:00:00Z"),
    });
    expect(await countTagged(globex.orgId, batch.tag)).toBe(0);
  });

  it("stores awkward text exactly as sent (control characters, quotes, backslashes, emoji, array syntax) and the chain still verifies", async () => {
    // Braces, commas and a bare NULL: PostgreSQL receives each column as an array literal (insert-rows.ts).
    const awkward = 'a\u0001b\nline\t"quoted" back\\slash \\u0000 😀 ü \u2028 {x,"y"} NULL';
    const response = await post("audit-events", {
      records: [
        auditEvent({ actorLabel: awkward, targetId: awkward, metadata: { note: awkward, nested: { text: awkward } } }),
      ],
    });
    expect(response.status).toBe(201);
    const id = ((await response.json()) as IngestBody).records[0]!.id;
    const stored = await db.auditEvent.findUniqueOrThrow({
      where: { id },
      select: { actorLabel: true, targetId: true, metadata: true },
    });
    expect(stored).toEqual({
      actorLabel: awkward,
      targetId: awkward,
      metadata: { note: awkward, nested: { text: awkward } },
    });
    expect(await verifyStoredAuditChain(db, acme.orgId)).toMatchObject({ status: "verified" });
  });

  it("refuses the NUL character (400 naming the field), which PostgreSQL cannot store", async () => {
    for (const [overrides, field] of [
      [{ actorLabel: "a\u0000b" }, "records.0.actorLabel"],
      [{ metadata: { note: { deeper: "a\u0000b" } } }, "records.0.metadata"],
    ] as const) {
      const response = await post("audit-events", { records: [auditEvent(overrides)] });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.details?.fields?.[field]).toEqual([
        "Cannot contain the NUL character (U+0000)",
      ]);
    }
  });

  it("stores times with offsets as the same instant, found by Prisma's date filters (equality and range)", async () => {
    const response = await post("audit-events", { records: [auditEvent({ targetId: `t-${uniqueSuffix()}` })] });
    expect(response.status).toBe(201);
    const { records } = (await response.json()) as IngestBody;
    const instant = new Date("2026-01-31T07:30:00.250Z");
    const stored = await db.auditEvent.findUniqueOrThrow({
      where: { id: records[0]!.id },
      select: { orgId: true, occurredAt: true, outcome: true, category: true, metadata: true, ip: true },
    });
    expect(stored).toEqual({
      orgId: acme.orgId,
      occurredAt: instant,
      outcome: "denied",
      category: "agent_enforcement",
      metadata: { tool: "send_wire_transfer", reason: "not in allowedTools" },
      ip: "198.51.100.4",
    });
    // On SQLite a timestamp written in another text form would miss both filters.
    expect(await db.auditEvent.count({ where: { id: records[0]!.id, occurredAt: instant } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { id: records[0]!.id, occurredAt: { gte: instant, lte: instant } } }),
    ).toBe(1);
  });

  it("accepts every kind, and a DLP violation without severity takes its rule's", async () => {
    const emailResponse = await post("emails", { records: [email()] });
    const emailId = ((await emailResponse.json()) as IngestBody).records[0]!.id;
    const cases: [string, Record<string, unknown>, () => Promise<number>][] = [
      [
        "dlp-violations",
        {
          ruleId: rule.id,
          agentId: agent.id,
          emailId,
          actionTaken: "blocked",
          excerpt: "4111 **** **** 1111",
          detectedAt: "2026-01-31T12:00:01Z",
        },
        () => db.dlpViolation.count({ where: { orgId: acme.orgId, emailId, severity: rule.severity } }),
      ],
      [
        "vault-accesses",
        {
          secretId: secret.id,
          action: "read",
          actorType: "agent",
          actorId: agent.id,
          agentId: agent.id,
          outcome: "success",
          occurredAt: "2026-01-31T12:00:02Z",
        },
        () => db.vaultAccess.count({ where: { orgId: acme.orgId, secretId: secret.id, action: "read" } }),
      ],
      [
        "query-logs",
        {
          agentId: agent.id,
          actorType: "agent",
          database: "crm",
          statement: "SELECT email FROM customers WHERE id = $1",
          rowsReturned: 1,
          durationMs: 4,
          outcome: "success",
          occurredAt: "2026-01-31T12:00:03Z",
        },
        () => db.queryLog.count({ where: { orgId: acme.orgId, database: "crm", rowsReturned: 1 } }),
      ],
      [
        "data-sharing-records",
        {
          agentId: agent.id,
          recipientName: "HelpDeskly Inc.",
          recipientDomain: "helpdeskly.example",
          recipientCountry: "US",
          purpose: "Ticket synchronisation",
          legalBasis: "contract",
          dataCategories: ["contact details"],
          transferMechanism: "EU-US Data Privacy Framework",
          recordCount: 12,
          sharedAt: "2026-01-31T12:00:04Z",
        },
        () =>
          db.dataSharingRecord.count({
            where: { orgId: acme.orgId, recipientName: "HelpDeskly Inc.", recordCount: 12 },
          }),
      ],
    ];
    for (const [kind, record, count] of cases) {
      const response = await post(kind, { records: [record] });
      expect(response.status, kind).toBe(201);
      expect(await count(), kind).toBe(1);
    }
  });
});

describe("all or nothing", () => {
  it("refuses a batch with one bad record (400 naming records.3.occurredAt) and writes none of it", async () => {
    const records = Array.from({ length: 6 }, (_, i) => auditEvent({ targetId: `bad-batch-${uniqueSuffix()}-${i}` }));
    records[3] = auditEvent({ occurredAt: "31/01/2026 12:00", targetId: "bad" });
    const before = await db.auditEvent.count({ where: { orgId: acme.orgId } });
    const response = await post("audit-events", { records });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.details?.fields ?? {})).toEqual(["records.3.occurredAt"]);
    expect(body.error.details?.fields?.["records.3.occurredAt"]?.[0]).toMatch(/ISO-8601/);
    expect(await db.auditEvent.count({ where: { orgId: acme.orgId } })).toBe(before);
  });

  it("refuses actions in Attest's own namespaces (400 naming the field), so ingest cannot forge Attest's events", async () => {
    const before = await db.auditEvent.count({ where: { orgId: acme.orgId } });
    const records = [
      auditEvent({ action: "agent.config_changed", category: "agent_config" }),
      auditEvent({ action: "compliance.report_deleted", category: "compliance" }),
      auditEvent({ action: "auth.login", category: "authentication" }),
      auditEvent({ action: "api_key.created", category: "system_config" }),
      auditEvent({ action: "signing.key_rotated", category: "system_config" }),
    ];
    const response = await post("audit-events", { records });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([
      "records.1.action",
      "records.2.action",
      "records.3.action",
      "records.4.action",
    ]);
    expect(fields["records.1.action"]?.[0]).toBe(
      "`compliance.` actions are written by Attest itself and cannot be ingested",
    );
    expect(await db.auditEvent.count({ where: { orgId: acme.orgId } })).toBe(before);
  });

  it("names each invalid field by record index (enumerations, addresses, unknown fields, local times)", async () => {
    const response = await post("emails", {
      records: [
        email(),
        email({ direction: "sideways" }),
        email({ toAddresses: ["not-an-address"] }),
        email({ sentAt: "2026-01-31T12:00:00" }),
        email({ colour: "blue" }),
      ],
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual([
      "records.1.direction",
      "records.2.toAddresses.0",
      "records.3.sentAt",
      "records.4",
    ]);
  });

  it("refuses another org's agent (400 naming it) and writes nothing", async () => {
    const batch = emailBatch(3);
    batch.records[1] = email({ agentId: otherAgent.id, subject: `${batch.tag} other` });
    const response = await post("emails", { records: batch.records });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.message).toContain(otherAgent.id);
    expect(body.error.details?.fields).toEqual({
      "records.1.agentId": [`Unknown agent in this organization: ${otherAgent.id}`],
    });
    expect(await countTagged(acme.orgId, batch.tag)).toBe(0);
    expect(await countTagged(globex.orgId, batch.tag)).toBe(0);
  });

  it("refuses another org's vault secret and an unknown DLP rule", async () => {
    const access = {
      secretId: otherSecret.id,
      action: "read",
      actorType: "system",
      outcome: "success",
      occurredAt: "2026-01-31T12:00:00Z",
    };
    const vault = await post("vault-accesses", { records: [access] });
    expect(vault.status).toBe(400);
    expect(((await vault.json()) as ErrorBody).error.details?.fields).toHaveProperty(["records.0.secretId"]);
    expect(await db.vaultAccess.count({ where: { secretId: otherSecret.id } })).toBe(0);

    const violation = {
      ruleId: "no-such-rule",
      agentId: agent.id,
      actionTaken: "alerted",
      detectedAt: "2026-01-31T12:00:00Z",
    };
    const dlp = await post("dlp-violations", { records: [violation] });
    expect(dlp.status).toBe(400);
    expect(((await dlp.json()) as ErrorBody).error.details?.fields).toEqual({
      "records.0.ruleId": ["Unknown DLP rule in this organization: no-such-rule"],
    });
  });

  it("refuses a body or record naming another org (403) and accepts one naming the caller's", async () => {
    const batch = emailBatch(2);
    for (const body of [
      { orgId: globex.orgId, records: batch.records },
      { records: [batch.records[0], { ...batch.records[1], orgId: globex.orgId }] },
    ]) {
      const response = await post("emails", body);
      expect(response.status).toBe(403);
      expect(((await response.json()) as ErrorBody).error.code).toBe("forbidden");
    }
    expect(await countTagged(acme.orgId, batch.tag)).toBe(0);
    expect(await countTagged(globex.orgId, batch.tag)).toBe(0);

    const own = await post("emails", {
      orgId: acme.orgId,
      records: batch.records.map((r) => ({ ...r, orgId: acme.orgId })),
    });
    expect(own.status).toBe(201);
    expect(await countTagged(acme.orgId, batch.tag)).toBe(2);
  });
});

describe("limits", () => {
  it("refuses an empty batch and more than 1000 records (400)", async () => {
    for (const [records, message] of [
      [[], "at least one"],
      [emailBatch(1001).records, "At most 1000"],
    ] as const) {
      const response = await post("emails", { records });
      expect(response.status).toBe(400);
      expect(((await response.json()) as ErrorBody).error.details?.fields?.records?.[0]).toContain(message);
    }
  });

  it("answers 413 to a body over 5 MB", async () => {
    const response = await post("emails", { records: [email({ body: "x".repeat(5 * 1024 * 1024) })] });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe("payload_too_large");
  });

  it("answers 400 to malformed JSON", async () => {
    const response = await post("emails", '{"records": [');
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("JSON"),
    });
  });

  it("answers 429 with Retry-After once a key passes the limit; other keys are unaffected", async () => {
    process.env.ATTEST_INGEST_RATE_LIMIT = "3";
    const [busy, quiet] = await Promise.all([
      createTestApiKey(acme.orgId, ["events:write"]),
      createTestApiKey(acme.orgId, ["events:write"]),
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await post("emails", { records: [email()] }, { key: busy.key })).status);
    expect(statuses).toEqual([201, 201, 201]);

    const batch = emailBatch(1);
    const limited = await post("emails", { records: batch.records }, { key: busy.key });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: retryAfter, limit: 3 } });
    expect(await countTagged(acme.orgId, batch.tag)).toBe(0);

    expect((await post("emails", { records: batch.records }, { key: quiet.key })).status).toBe(201);
  });
});

describe("idempotent retries", () => {
  it("skips records whose client id the org already holds and reports them as duplicates", async () => {
    const batch = emailBatch(4);
    const ids = batch.records.map((_, i) => `msg-${batch.tag}-${i}`);
    const records = batch.records.map((r, i) => ({ ...r, id: ids[i] }));

    const first = await post("emails", { records: records.slice(0, 2) });
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as IngestBody;

    const retry = await post("emails", { records: records.slice(0, 2) });
    expect(retry.status).toBe(200);
    const retryBody = (await retry.json()) as IngestBody;
    expect(retryBody).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(retryBody.records.map((r) => r.id)).toEqual(firstBody.records.map((r) => r.id));

    const overlapping = await post("emails", { records });
    expect(overlapping.status).toBe(201);
    const overlappingBody = (await overlapping.json()) as IngestBody;
    expect(overlappingBody).toMatchObject({ accepted: 2, duplicates: 2 });
    expect(overlappingBody.records.map((r) => [r.clientId, r.status])).toEqual([
      [ids[0], "duplicate"],
      [ids[1], "duplicate"],
      [ids[2], "created"],
      [ids[3], "created"],
    ]);
    expect(await countTagged(acme.orgId, batch.tag)).toBe(4);
  });

  it("keeps two orgs' equal client ids apart", async () => {
    const globexAgent = otherAgent;
    const globexKey = await createTestApiKey(globex.orgId, ["events:write"]);
    const clientId = `shared-${uniqueSuffix()}`;
    const tag = uniqueSuffix();
    const mine = await post("emails", { records: [email({ id: clientId, subject: tag })] });
    const theirs = await post(
      "emails",
      { records: [email({ id: clientId, subject: tag, agentId: globexAgent.id })] },
      { key: globexKey.key },
    );
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(await countTagged(acme.orgId, tag)).toBe(1);
    expect(await countTagged(globex.orgId, tag)).toBe(1);
  });

  it("refuses a batch that repeats a client id", async () => {
    const response = await post("emails", { records: [email({ id: "a" }), email({ id: "b" }), email({ id: "a" })] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.details?.fields).toEqual({
      "records.2.id": ["Repeats the id of records.0"],
    });
  });

  it("writes a batch once when two identical retries race", async () => {
    const batch = emailBatch(20);
    const records = batch.records.map((r, i) => ({ ...r, id: `race-${batch.tag}-${i}` }));
    const responses = await Promise.all([post("emails", { records }), post("emails", { records })]);
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as IngestBody[];
    expect(responses.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(bodies.map((b) => b.accepted).sort((a, b) => a - b)).toEqual([0, 20]);
    expect(await countTagged(acme.orgId, batch.tag)).toBe(20);
  });
});
