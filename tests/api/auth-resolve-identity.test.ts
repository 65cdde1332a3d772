import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { resolveIdentity } from "@/lib/api/resolve-identity";
import {
  createTestApiKey,
  createTestOrg,
  createTestUser,
  sessionCookieFor,
  type TestOrg,
} from "@/tests/support/fixtures";

const url = "http://localhost/api/anything";
const withCookie = (cookie: string) => new Request(url, { headers: { cookie } });
const withBearer = (value: string, cookie?: string) =>
  new Request(url, { headers: { authorization: value, ...(cookie ? { cookie } : {}) } });

let acme: TestOrg;
let globex: TestOrg;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
});

describe("resolveIdentity with a session cookie", () => {
  it("returns the user, the cookie's org and the role stored in the database", async () => {
    const identity = await resolveIdentity(withCookie(await sessionCookieFor(acme.admin, acme.orgId)));
    expect(identity).toEqual({
      kind: "session",
      userId: acme.admin.id,
      email: acme.admin.email,
      name: acme.admin.name,
      orgId: acme.orgId,
      role: "admin",
    });
  });

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("reads the __Secure- cookie and ignores unrelated cookies around it", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://attest.example.com");
    const cookie = await sessionCookieFor(acme.auditor, acme.orgId, { secure: true });
    const identity = await resolveIdentity(withCookie(`theme=dark; ${cookie}; other=1`));
    expect(identity).toMatchObject({ kind: "session", userId: acme.auditor.id, role: "auditor" });
  });

  it("on https accepts only the __Secure- cookie, on http only the plain one", async () => {
    const plain = await sessionCookieFor(acme.admin, acme.orgId);
    const secure = await sessionCookieFor(acme.admin, acme.orgId, { secure: true });
    vi.stubEnv("NEXTAUTH_URL", "https://attest.example.com");
    expect(await resolveIdentity(withCookie(plain))).toBeNull();
    expect(await resolveIdentity(withCookie(secure))).toMatchObject({ userId: acme.admin.id });
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(await resolveIdentity(withCookie(secure))).toBeNull();
    expect(await resolveIdentity(withCookie(plain))).toMatchObject({ userId: acme.admin.id });
    // With the origin taken from the request, its forwarded protocol decides.
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("AUTH_TRUST_HOST", "true");
    const forwarded = (cookie: string, proto: string) =>
      new Request(url, { headers: { cookie, "x-forwarded-proto": proto } });
    expect(await resolveIdentity(forwarded(plain, "https"))).toBeNull();
    expect(await resolveIdentity(forwarded(secure, "https"))).toMatchObject({ userId: acme.admin.id });
    expect(await resolveIdentity(forwarded(plain, "http"))).toMatchObject({ userId: acme.admin.id });
  });

  it("is nobody without a cookie, with a garbage cookie, or with a cookie made with another secret", async () => {
    expect(await resolveIdentity(new Request(url))).toBeNull();
    expect(await resolveIdentity(withCookie("next-auth.session-token=not-a-jwt"))).toBeNull();
    const forged = await sessionCookieFor(acme.admin, acme.orgId, { secret: "someone-elses-secret" });
    expect(await resolveIdentity(withCookie(forged))).toBeNull();
  });

  it("is nobody once the cookie has expired", async () => {
    const expired = await sessionCookieFor(acme.admin, acme.orgId, { maxAgeSeconds: -60 });
    expect(await resolveIdentity(withCookie(expired))).toBeNull();
  });

  it("refuses a cookie naming an org the user does not belong to", async () => {
    expect(await resolveIdentity(withCookie(await sessionCookieFor(acme.admin, globex.orgId)))).toBeNull();
  });

  it("loses access as soon as the membership is removed", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "admin" });
    const cookie = await sessionCookieFor(user, acme.orgId);
    expect(await resolveIdentity(withCookie(cookie))).toMatchObject({ role: "admin" });

    await db.membership.delete({ where: { orgId_userId: { orgId: acme.orgId, userId: user.id } } });
    expect(await resolveIdentity(withCookie(cookie))).toBeNull();
  });

  it("follows a demotion at once", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "admin" });
    const cookie = await sessionCookieFor(user, acme.orgId);
    await db.membership.update({
      where: { orgId_userId: { orgId: acme.orgId, userId: user.id } },
      data: { role: "member" },
    });
    expect(await resolveIdentity(withCookie(cookie))).toMatchObject({ kind: "session", role: "member" });
  });

  it("refuses a disabled user", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "auditor" });
    const cookie = await sessionCookieFor(user, acme.orgId);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveIdentity(withCookie(cookie))).toBeNull();
  });
});

describe("resolveIdentity with an API key", () => {
  it("returns the key's org and scopes, and records when it was used", async () => {
    const apiKey = await createTestApiKey(globex.orgId, ["reports:read", "events:write"], { name: "GRC export" });
    const identity = await resolveIdentity(withBearer(`Bearer ${apiKey.key}`));
    expect(identity).toEqual({
      kind: "api_key",
      apiKeyId: apiKey.id,
      orgId: globex.orgId,
      scopes: ["reports:read", "events:write"],
      label: `GRC export (${apiKey.prefix}…)`,
    });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, select: { lastUsedAt: true } });
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(Date.now() - row.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const apiKey = await createTestApiKey(globex.orgId, ["reports:read"]);
    const recent = new Date(Date.now() - 30_000);
    const old = new Date(Date.now() - 120_000);

    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: recent } });
    await resolveIdentity(withBearer(`Bearer ${apiKey.key}`));
    const untouched = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, select: { lastUsedAt: true } });
    expect(untouched.lastUsedAt?.toISOString()).toBe(recent.toISOString());

    await db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: old } });
    await resolveIdentity(withBearer(`Bearer ${apiKey.key}`));
    const touched = await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id }, select: { lastUsedAt: true } });
    expect(touched.lastUsedAt!.getTime()).toBeGreaterThan(recent.getTime());
  });

  it("refuses a revoked key", async () => {
    const apiKey = await createTestApiKey(globex.orgId, ["reports:read"], { revoked: true });
    expect(await resolveIdentity(withBearer(`Bearer ${apiKey.key}`))).toBeNull();
  });

  it("refuses garbage, unknown keys and empty bearers", async () => {
    const valid = await createTestApiKey(globex.orgId, ["reports:read"]);
    const unknown = `${valid.key.slice(0, -4)}ZZZZ`;
    for (const header of [
      "Bearer garbage",
      `Bearer ${unknown}`,
      "Bearer ",
      "Basic dXNlcjpwYXNz",
      `Bearer ${valid.key} extra`,
    ]) {
      expect(await resolveIdentity(withBearer(header))).toBeNull();
    }
  });

  it("judges a caller on the bearer it sent, never falling back to its cookie", async () => {
    const cookie = await sessionCookieFor(acme.admin, acme.orgId);
    expect(await resolveIdentity(withBearer("Bearer garbage", cookie))).toBeNull();
  });
});
