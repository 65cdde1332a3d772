import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { lockAuditChain } from "@/lib/audit/lock-audit-chain";
import { resolveIdentity } from "@/lib/api/resolve-identity";
import { GET, POST } from "@/app/api/api-keys/route";
import { DELETE } from "@/app/api/api-keys/[id]/route";
import {
  createTestApiKey,
  createTestOrg,
  createTestUser,
  sessionCookieFor,
  type TestOrg,
  type TestUser,
} from "@/tests/support/fixtures";

const base = "http://localhost/api/api-keys";
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

let acme: TestOrg;
let globex: TestOrg;
const cookies = new Map<string, string>();

async function cookieOf(user: TestUser, orgId: string) {
  const key = `${user.id}:${orgId}`;
  if (!cookies.has(key)) cookies.set(key, await sessionCookieFor(user, orgId));
  return cookies.get(key)!;
}

async function create(user: TestUser | null, orgId: string, body: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": "203.0.113.7" };
  if (user) headers.cookie = await cookieOf(user, orgId);
  return POST(new Request(base, { method: "POST", headers, body: JSON.stringify(body) }), noParams);
}

async function list(user: TestUser | null, orgId: string) {
  return GET(new Request(base, { headers: user ? { cookie: await cookieOf(user, orgId) } : {} }), noParams);
}

async function revoke(user: TestUser | null, orgId: string, id: string) {
  const headers: Record<string, string> = user ? { cookie: await cookieOf(user, orgId) } : {};
  return DELETE(new Request(`${base}/${id}`, { method: "DELETE", headers }), idParams(id));
}

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
});

describe("POST /api/api-keys", () => {
  it("creates a key for an admin, shows the plaintext once and stores only its hash and prefix", async () => {
    const response = await create(acme.admin, acme.orgId, {
      name: "CI exporter",
      scopes: ["reports:write", "reports:read"],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { key: string; apiKey: Record<string, unknown> };
    expect(body.key).toMatch(/^att_[0-9A-Za-z]{8}_[0-9A-Za-z]{32}$/);
    expect(body.apiKey).toEqual({
      id: expect.any(String),
      name: "CI exporter",
      prefix: body.key.slice(0, 12),
      scopes: ["reports:read", "reports:write"],
      createdById: acme.admin.id,
      createdAt: expect.any(String),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      createdBy: { id: acme.admin.id, email: acme.admin.email },
      revokedBy: null,
      status: "active",
    });

    const row = await db.apiKey.findUniqueOrThrow({ where: { id: body.apiKey.id as string } });
    expect(row.orgId).toBe(acme.orgId);
    expect(row.hashedKey).toBe(createHash("sha256").update(body.key).digest("hex"));
    expect(row.prefix).toBe(body.key.slice(0, 12));
    const secretPart = body.key.slice(13);
    for (const value of Object.values(row)) expect(String(value)).not.toContain(secretPart);

    const audit = await db.auditEvent.findMany({
      where: { orgId: acme.orgId, action: "api_key.created", targetId: row.id },
      select: {
        actorType: true,
        actorId: true,
        actorLabel: true,
        category: true,
        targetType: true,
        outcome: true,
        ip: true,
        metadata: true,
      },
    });
    expect(audit).toEqual([
      {
        actorType: "user",
        actorId: acme.admin.id,
        actorLabel: acme.admin.email,
        category: "system_config",
        targetType: "api_key",
        outcome: "success",
        ip: "203.0.113.7",
        metadata: { name: "CI exporter", prefix: row.prefix, scopes: ["reports:read", "reports:write"] },
      },
    ]);
    // The plaintext is not in the audit trail either.
    expect(JSON.stringify(audit)).not.toContain(secretPart);
  });

  it("answers 400 with field errors for unknown scopes and missing names, creating nothing", async () => {
    const before = await db.apiKey.count({ where: { orgId: acme.orgId } });
    const response = await create(acme.admin, acme.orgId, { name: "", scopes: ["org:admin"] });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: { fields: Record<string, string[]> } } };
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.details.fields).sort()).toEqual(["name", "scopes.0"]);
    expect(await db.apiKey.count({ where: { orgId: acme.orgId } })).toBe(before);
  });

  it("is refused to auditors and members (403) and to anonymous callers (401)", async () => {
    const body = { name: "sneaky", scopes: ["reports:read"] };
    expect((await create(acme.auditor, acme.orgId, body)).status).toBe(403);
    expect((await create(acme.member, acme.orgId, body)).status).toBe(403);
    const anonymous = await create(null, acme.orgId, body);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    expect(await db.apiKey.count({ where: { orgId: acme.orgId, name: "sneaky" } })).toBe(0);
  });

  it("is refused to API keys, whatever their scopes (keys cannot mint keys)", async () => {
    const apiKey = await createTestApiKey(acme.orgId, ["reports:read", "reports:write", "events:write"]);
    const response = await POST(
      new Request(base, {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey.key}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "minted", scopes: ["reports:read"] }),
      }),
      noParams,
    );
    expect(response.status).toBe(403);
  });
});

describe("GET /api/api-keys", () => {
  it("lists only the caller's org's keys, newest first, without hashes", async () => {
    const own = await createTestApiKey(globex.orgId, ["events:write"], { name: "ingest" });
    await createTestApiKey(acme.orgId, ["reports:read"], { name: "not globex's" });
    const newest = await createTestApiKey(globex.orgId, ["reports:read"], { name: "newest" });
    // Distinct creation times, so the order does not hang on ids created in the same millisecond.
    await db.apiKey.update({ where: { id: own.id }, data: { createdAt: new Date(Date.now() - 60_000) } });

    const response = await list(globex.admin, globex.orgId);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/hashedKey|hash/i);
    const { apiKeys } = JSON.parse(text) as { apiKeys: Array<{ id: string; name: string; scopes: string[] }> };
    expect(apiKeys.map((key) => key.name)).toEqual(["newest", "ingest"]);
    expect(apiKeys.map((key) => key.id)).toEqual([newest.id, own.id]);
    expect(apiKeys[1]!.scopes).toEqual(["events:write"]);
  });

  it("is 403 for auditors and members, 401 without identity", async () => {
    expect((await list(globex.auditor, globex.orgId)).status).toBe(403);
    expect((await list(globex.member, globex.orgId)).status).toBe(403);
    expect((await list(null, globex.orgId)).status).toBe(401);
  });
});

describe("DELETE /api/api-keys/:id", () => {
  it("revokes a key: 204, the key stops working, one audit event even if revoked twice", async () => {
    const created = (await (
      await create(acme.admin, acme.orgId, { name: "to revoke", scopes: ["reports:read"] })
    ).json()) as {
      key: string;
      apiKey: { id: string };
    };
    const bearer = () => new Request("http://localhost/x", { headers: { authorization: `Bearer ${created.key}` } });
    expect(await resolveIdentity(bearer())).toMatchObject({ kind: "api_key", apiKeyId: created.apiKey.id });

    expect((await revoke(acme.admin, acme.orgId, created.apiKey.id)).status).toBe(204);
    expect(await resolveIdentity(bearer())).toBeNull();
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id }, select: { revokedAt: true } });
    expect(row.revokedAt).toBeInstanceOf(Date);

    expect((await revoke(acme.admin, acme.orgId, created.apiKey.id)).status).toBe(204);
    const events = await db.auditEvent.findMany({
      where: { orgId: acme.orgId, action: "api_key.revoked", targetId: created.apiKey.id },
      select: { actorId: true, category: true, targetType: true },
    });
    expect(events).toEqual([{ actorId: acme.admin.id, category: "system_config", targetType: "api_key" }]);

    const listed = (await (await list(acme.admin, acme.orgId)).json()) as {
      apiKeys: Array<{ id: string; revokedAt: string | null }>;
    };
    expect(listed.apiKeys.find((key) => key.id === created.apiKey.id)?.revokedAt).toEqual(expect.any(String));
  });

  it("answers 404 for another org's key and leaves it working", async () => {
    const theirs = await createTestApiKey(globex.orgId, ["reports:read"]);
    const response = await revoke(acme.admin, acme.orgId, theirs.id);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: theirs.id }, select: { revokedAt: true } });
    expect(row.revokedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "api_key.revoked", targetId: theirs.id } })).toBe(0);
  });

  it("answers 404 for an unknown id", async () => {
    expect((await revoke(acme.admin, acme.orgId, "no-such-key")).status).toBe(404);
  });

  it("is 403 for auditors and members, 401 without identity", async () => {
    const key = await createTestApiKey(acme.orgId, ["reports:read"]);
    expect((await revoke(acme.auditor, acme.orgId, key.id)).status).toBe(403);
    expect((await revoke(acme.member, acme.orgId, key.id)).status).toBe(403);
    expect((await revoke(null, acme.orgId, key.id)).status).toBe(401);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: key.id }, select: { revokedAt: true } });
    expect(row.revokedAt).toBeNull();
  });
});

describe("while another writer holds the org's audit chain", () => {
  // Longer than Prisma's default 5 s for a whole transaction (and its 2 s to
  // start one, which bounds the wait on SQLite's single writer).
  const heldMs = 5_500;

  it("creating and revoking a key wait for it instead of failing", async () => {
    const org = await createTestOrg();
    const existing = await createTestApiKey(org.orgId, ["reports:read"]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await lockAuditChain(tx, org.orgId);
        locked();
        await released;
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
    await isLocked;
    const creating = create(org.admin, org.orgId, { name: "made while held", scopes: ["reports:read"] });
    const revoking = revoke(org.admin, org.orgId, existing.id);
    setTimeout(release, heldMs);

    const [created, revoked] = await Promise.all([creating, revoking]);
    await holder;
    expect(created.status).toBe(201);
    expect(revoked.status).toBe(204);
    const events = await db.auditEvent.findMany({
      where: { orgId: org.orgId, action: { in: ["api_key.created", "api_key.revoked"] } },
      select: { action: true },
    });
    expect(events.map((event) => event.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
  }, 30_000);
});

describe("expiry, creator and revoker", () => {
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  it("creates a key that expires when its chosen UTC day begins", async () => {
    const expiresOn = day(30);
    const response = await create(acme.admin, acme.orgId, { name: "Expiring", scopes: ["reports:read"], expiresOn });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { key: string; apiKey: { id: string; expiresAt: string; status: string } };
    expect(body.apiKey.expiresAt).toBe(`${expiresOn}T00:00:00.000Z`);
    expect(body.apiKey.status).toBe("active");
    expect(
      await resolveIdentity(new Request(base, { headers: { authorization: `Bearer ${body.key}` } })),
    ).toMatchObject({
      kind: "api_key",
      apiKeyId: body.apiKey.id,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: acme.orgId, action: "api_key.created", targetId: body.apiKey.id },
      select: { metadata: true },
    });
    expect(audit.metadata).toMatchObject({ expiresOn });
  });

  it.each([
    ["today", () => day(0)],
    ["a past day", () => day(-1)],
    ["not a date", () => "next week"],
    ["an impossible date", () => "2027-02-30"],
  ])("refuses an expiry of %s with 400 naming expiresOn, creating nothing", async (_, expiresOn) => {
    const before = await db.apiKey.count({ where: { orgId: acme.orgId } });
    const response = await create(acme.admin, acme.orgId, {
      name: "Bad expiry",
      scopes: ["reports:read"],
      expiresOn: expiresOn(),
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.error.details.fields)).toEqual(["expiresOn"]);
    expect(await db.apiKey.count({ where: { orgId: acme.orgId } })).toBe(before);
  });

  it("an expired key gets 401 and lists as expired", async () => {
    const org = await createTestOrg();
    const key = await createTestApiKey(org.orgId, ["reports:read"]);
    const request = () => new Request(base, { headers: { authorization: `Bearer ${key.key}` } });
    await db.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect(await resolveIdentity(request())).not.toBeNull();
    await db.apiKey.update({ where: { id: key.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await resolveIdentity(request())).toBeNull();
    const listed = (await (await list(org.admin, org.orgId)).json()) as { apiKeys: { id: string; status: string }[] };
    expect(listed.apiKeys.find((apiKey) => apiKey.id === key.id)?.status).toBe("expired");
  });

  it("lists who created and who revoked each key", async () => {
    const org = await createTestOrg();
    const created = (await (
      await create(org.admin, org.orgId, { name: "To revoke", scopes: ["reports:read"] })
    ).json()) as { apiKey: { id: string } };
    const second = await createTestUser({ orgId: org.orgId, role: "admin" });
    expect((await revoke(second, org.orgId, created.apiKey.id)).status).toBe(204);
    const listed = (await (await list(org.admin, org.orgId)).json()) as {
      apiKeys: { id: string; createdBy: unknown; revokedBy: unknown; revokedAt: string | null; status: string }[];
    };
    expect(listed.apiKeys.find((apiKey) => apiKey.id === created.apiKey.id)).toMatchObject({
      createdBy: { id: org.admin.id, email: org.admin.email },
      revokedBy: { id: second.id, email: second.email },
      revokedAt: expect.any(String),
      status: "revoked",
    });
  });
});
