import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import { authorizeCredentials, signInErrors } from "@/lib/auth/authorize-credentials";
import { accountAttemptLimit, signInAttemptLimit } from "@/lib/auth/sign-in-rate-limiter";
import { createTestOrg, createTestUser, TEST_PASSWORD, uniqueSuffix, type TestOrg } from "@/tests/support/fixtures";

let acme: TestOrg;
let globex: TestOrg;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
});

// As behind one reverse proxy, the 10.0.0.1 hop providerAuthorize adds (tests that need otherwise say so).
beforeEach(() => {
  vi.stubEnv("TRUST_PROXY", "1");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The authorize() next-auth calls, with the request shape next-auth hands it. */
function providerAuthorize(credentials: Record<string, string>, ip: string) {
  const provider = authOptions.providers[0] as CredentialsConfig & { options: Pick<CredentialsConfig, "authorize"> };
  return provider.options.authorize(credentials, {
    headers: { "x-forwarded-for": `${ip}, 10.0.0.1` },
    method: "POST",
    body: credentials,
    query: {},
  });
}

function authEvents(orgId: string, actorLabel: string) {
  return db.auditEvent.findMany({
    where: { orgId, actorLabel, category: "authentication" },
    select: { action: true, actorType: true, actorId: true, outcome: true, ip: true, metadata: true },
    orderBy: { occurredAt: "asc" },
  });
}

describe("sign-in with email and password", () => {
  it("accepts the right password: the user, their default org and role, every org they belong to; audits auth.login", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "auditor" });
    await db.membership.create({
      data: { orgId: globex.orgId, userId: user.id, role: "admin", createdAt: new Date(Date.now() + 1000) },
    });

    const signedIn = await providerAuthorize(
      { email: user.email.toUpperCase(), password: TEST_PASSWORD },
      "198.51.100.4",
    );
    expect(signedIn).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      orgId: acme.orgId,
      role: "auditor",
      orgs: [
        { id: acme.orgId, name: acme.org.name, slug: acme.org.slug, role: "auditor" },
        { id: globex.orgId, name: globex.org.name, slug: globex.org.slug, role: "admin" },
      ],
    });
    expect(await authEvents(acme.orgId, user.email)).toEqual([
      {
        action: "auth.login",
        actorType: "user",
        actorId: user.id,
        outcome: "success",
        ip: "198.51.100.4",
        metadata: null,
      },
    ]);
  });

  it("refuses a wrong password with the generic message and audits it in each of the user's orgs", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "admin" });
    await db.membership.create({ data: { orgId: globex.orgId, userId: user.id, role: "member" } });

    await expect(providerAuthorize({ email: user.email, password: "wrong" }, "198.51.100.5")).rejects.toThrow(
      signInErrors.invalidCredentials,
    );
    const expected = [
      {
        action: "auth.login_failed",
        actorType: "user",
        actorId: user.id,
        outcome: "failure",
        ip: "198.51.100.5",
        metadata: { reason: "bad_password" },
      },
    ];
    expect(await authEvents(acme.orgId, user.email)).toEqual(expected);
    expect(await authEvents(globex.orgId, user.email)).toEqual(expected);
  });

  it("gives an unknown email the same answer, auditing nowhere", async () => {
    const email = `nobody-${uniqueSuffix()}@test.example`;
    await expect(authorizeCredentials({ email, password: TEST_PASSWORD }, { ip: "198.51.100.6" })).rejects.toThrow(
      signInErrors.invalidCredentials,
    );
    expect(await db.auditEvent.count({ where: { actorLabel: email } })).toBe(0);
  });

  it("refuses malformed input with the generic message", async () => {
    await expect(authorizeCredentials(undefined, { ip: null })).rejects.toThrow(signInErrors.invalidCredentials);
    await expect(authorizeCredentials({ email: acme.admin.email }, { ip: null })).rejects.toThrow(
      signInErrors.invalidCredentials,
    );
  });

  it("refuses a disabled user even with the right password", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "admin" });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, { ip: null })).rejects.toThrow(
      signInErrors.invalidCredentials,
    );
    expect(await authEvents(acme.orgId, user.email)).toMatchObject([
      { action: "auth.login_failed", metadata: { reason: "disabled" } },
    ]);
  });

  it(`throttles an email+ip after ${signInAttemptLimit} failures, even for the right password; other ips are unaffected`, async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "member" });
    for (let attempt = 0; attempt < signInAttemptLimit; attempt += 1) {
      await expect(authorizeCredentials({ email: user.email, password: "guess" }, { ip: "192.0.2.1" })).rejects.toThrow(
        signInErrors.invalidCredentials,
      );
    }
    await expect(
      authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, { ip: "192.0.2.1" }),
    ).rejects.toThrow(signInErrors.tooManyAttempts);
    const events = await authEvents(acme.orgId, user.email);
    expect(events.at(-1)).toMatchObject({
      action: "auth.login_throttled",
      ip: "192.0.2.1",
      metadata: { reason: "rate_limited", attempts: 1 },
    });

    await expect(
      authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, { ip: "192.0.2.2" }),
    ).resolves.toMatchObject({
      id: user.id,
    });
  });

  it("with TRUST_PROXY unset, a forged X-Forwarded-For neither escapes the limit nor is recorded", async () => {
    vi.stubEnv("TRUST_PROXY", "");
    const user = await createTestUser({ orgId: acme.orgId, role: "member" });
    for (let attempt = 0; attempt < signInAttemptLimit; attempt += 1) {
      await expect(providerAuthorize({ email: user.email, password: "guess" }, `203.0.113.${attempt}`)).rejects.toThrow(
        signInErrors.invalidCredentials,
      );
    }
    await expect(providerAuthorize({ email: user.email, password: TEST_PASSWORD }, "203.0.113.99")).rejects.toThrow(
      signInErrors.tooManyAttempts,
    );
    const ips = new Set((await authEvents(acme.orgId, user.email)).map((event) => event.ip));
    // The last hop is the one the server itself appends (the socket address).
    expect([...ips]).toEqual(["10.0.0.1"]);
  });

  it(`limits an account to ${accountAttemptLimit} attempts in the window across all IPs`, async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "member" });
    for (let attempt = 0; attempt < accountAttemptLimit; attempt += 1) {
      await expect(
        authorizeCredentials({ email: user.email, password: "guess" }, { ip: `198.18.${attempt}.1` }),
      ).rejects.toThrow(signInErrors.invalidCredentials);
    }
    await expect(
      authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, { ip: "198.18.200.1" }),
    ).rejects.toThrow(signInErrors.tooManyAttempts);
  });

  it("counts parallel guesses before checking them, so a burst cannot exceed the limit", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "member" });
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        authorizeCredentials({ email: user.email, password: "guess" }, { ip: "192.0.2.77" }),
      ),
    );
    const checked = results.filter(
      (result) => result.status === "rejected" && (result.reason as Error).message === signInErrors.invalidCredentials,
    );
    expect(checked).toHaveLength(signInAttemptLimit);
  });

  it("audits a flood of throttled attempts as at most one aggregated event per org and window", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "member" });
    await db.membership.create({ data: { orgId: globex.orgId, userId: user.id, role: "member" } });
    const attempt = () => authorizeCredentials({ email: user.email, password: "guess" }, { ip: "192.0.2.50" });
    for (let i = 0; i < signInAttemptLimit; i += 1) await expect(attempt()).rejects.toThrow();
    for (let i = 0; i < 50; i += 1) await expect(attempt()).rejects.toThrow(signInErrors.tooManyAttempts);
    for (const org of [acme, globex]) {
      const events = await authEvents(org.orgId, user.email);
      expect(events.filter((event) => event.action === "auth.login_failed")).toHaveLength(signInAttemptLimit);
      expect(events.filter((event) => event.action === "auth.login_throttled")).toEqual([
        expect.objectContaining({
          outcome: "failure",
          metadata: { reason: "rate_limited", attempts: 1, windowSeconds: 900 },
        }),
      ]);
    }
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "member" });
    const attempt = (password: string) => authorizeCredentials({ email: user.email, password }, { ip: "192.0.2.9" });
    for (let i = 0; i < signInAttemptLimit - 1; i += 1) await expect(attempt("guess")).rejects.toThrow();
    await expect(attempt(TEST_PASSWORD)).resolves.toMatchObject({ id: user.id });
    for (let i = 0; i < signInAttemptLimit - 1; i += 1)
      await expect(attempt("guess")).rejects.toThrow(signInErrors.invalidCredentials);
    await expect(attempt(TEST_PASSWORD)).resolves.toMatchObject({ id: user.id });
  });
});

describe("the session token and org switching", () => {
  const jwt = authOptions.callbacks!.jwt!;
  const session = authOptions.callbacks!.session!;

  async function signedInToken(user: { id: string; email: string }) {
    const signedIn = await authorizeCredentials({ email: user.email, password: TEST_PASSWORD }, { ip: null });
    return (await jwt({ token: { sub: user.id }, user: signedIn, trigger: "signIn", account: null })) as JWT;
  }

  it("carries the user, the current org, the role and the org list into the session", async () => {
    const token = await signedInToken(acme.admin);
    const result = await session({
      // next-auth passes the bare default session; our callback rebuilds it from the token.
      session: { expires: "2099-01-01T00:00:00.000Z" } as Session,
      token,
      user: undefined as never,
      newSession: undefined,
      trigger: "update",
    });
    expect(result).toEqual({
      expires: "2099-01-01T00:00:00.000Z",
      user: { id: acme.admin.id, email: acme.admin.email, name: acme.admin.name },
      orgId: acme.orgId,
      role: "admin",
      orgs: [{ id: acme.orgId, name: acme.org.name, slug: acme.org.slug, role: "admin" }],
    });
  });

  it("switches to an org the user belongs to, with that org's role, and audits the switch there", async () => {
    const user = await createTestUser({ orgId: acme.orgId, role: "admin" });
    await db.membership.create({ data: { orgId: globex.orgId, userId: user.id, role: "auditor" } });
    const token = await signedInToken(user);
    expect(token).toMatchObject({ orgId: acme.orgId, role: "admin" });

    const switched = (await jwt({
      token,
      trigger: "update",
      session: { orgId: globex.orgId },
      user: undefined as never,
      account: null,
    })) as JWT;
    expect(switched).toMatchObject({ sub: user.id, orgId: globex.orgId, role: "auditor" });
    expect(
      await db.auditEvent.findMany({
        where: { orgId: globex.orgId, actorId: user.id, action: "auth.org_switched" },
        select: { metadata: true },
      }),
    ).toEqual([{ metadata: { fromOrgId: acme.orgId } }]);
  });

  it("refuses to switch to an org the user does not belong to", async () => {
    const token = await signedInToken(acme.member);
    const result = (await jwt({
      token,
      trigger: "update",
      session: { orgId: globex.orgId },
      user: undefined as never,
      account: null,
    })) as JWT;
    expect(result).toMatchObject({ orgId: acme.orgId, role: "member" });
    expect(await db.auditEvent.count({ where: { orgId: globex.orgId, actorId: acme.member.id } })).toBe(0);
  });

  it("refreshes the role from the database on the next session read", async () => {
    const user = await createTestUser({ orgId: globex.orgId, role: "admin" });
    const token = await signedInToken(user);
    await db.membership.update({
      where: { orgId_userId: { orgId: globex.orgId, userId: user.id } },
      data: { role: "member" },
    });
    const refreshed = (await jwt({ token, user: undefined as never, account: null })) as JWT;
    expect(refreshed).toMatchObject({
      orgId: globex.orgId,
      role: "member",
      orgs: [{ id: globex.orgId, role: "member" }],
    });
  });
});

describe("sign-out", () => {
  it("is audited as auth.logout in the org the session was in", async () => {
    const user = await createTestUser({ orgId: globex.orgId, role: "auditor" });
    await authOptions.events!.signOut!({
      token: { sub: user.id, email: user.email, orgId: globex.orgId },
      session: null as never,
    });
    expect(
      await db.auditEvent.findMany({
        where: { orgId: globex.orgId, actorId: user.id },
        select: { action: true, category: true, actorLabel: true },
      }),
    ).toEqual([{ action: "auth.logout", category: "authentication", actorLabel: user.email }]);
  });
});
