import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET, POST } from "@/app/api/users/route";
import { DELETE, PATCH } from "@/app/api/users/[userId]/route";
import { POST as ACCEPT } from "@/app/api/invitations/accept/route";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { changeMemberRole } from "@/lib/users/change-member-role";
import { reportDefinitions } from "@/lib/compliance/reports";
import { CollectingReportOutput } from "@/tests/support/collecting-report-output";
import { buildContext } from "@/tests/support/seed-report-content";
import {
  createTestApiKey,
  createTestOrg,
  createTestUser,
  sessionCookieFor,
  type TestOrg,
  type TestUser,
} from "@/tests/support/fixtures";

const base = "http://localhost/api/users";
const noParams = { params: Promise.resolve({}) };
const userParams = (userId: string) => ({ params: Promise.resolve({ userId }) });

async function headersFor(user: TestUser | null, orgId: string): Promise<Record<string, string>> {
  const headers: Record<string, string> = { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" };
  if (user) headers.cookie = await sessionCookieFor(user, orgId);
  return headers;
}

async function list(user: TestUser | null, org: TestOrg) {
  return GET(new Request(base, { headers: await headersFor(user, org.orgId) }), noParams);
}

async function add(user: TestUser, org: TestOrg, body: unknown) {
  return POST(
    new Request(base, { method: "POST", headers: await headersFor(user, org.orgId), body: JSON.stringify(body) }),
    noParams,
  );
}

async function changeRole(user: TestUser, org: TestOrg, userId: string, role: string) {
  return PATCH(
    new Request(`${base}/${userId}`, {
      method: "PATCH",
      headers: await headersFor(user, org.orgId),
      body: JSON.stringify({ role }),
    }),
    userParams(userId),
  );
}

async function remove(user: TestUser, org: TestOrg, userId: string) {
  return DELETE(
    new Request(`${base}/${userId}`, { method: "DELETE", headers: await headersFor(user, org.orgId) }),
    userParams(userId),
  );
}

async function accept(token: string, password = "a long enough password") {
  return ACCEPT(
    new Request("http://localhost/api/invitations/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password }),
    }),
    noParams,
  );
}

type Member = { userId: string; email: string; role: string; status: string; lastSignInAt: string | null };

async function membersOf(org: TestOrg): Promise<Member[]> {
  return ((await (await list(org.admin, org)).json()) as { members: Member[] }).members;
}

const tokenOf = (url: string) => url.split("/invitations/")[1]!;

let acme: TestOrg;
let globex: TestOrg;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg(), createTestOrg()]);
});

describe("GET /api/users", () => {
  it("lists the members with role, status and last sign-in for admins and auditors", async () => {
    await authorizeCredentials({ email: acme.auditor.email, password: acme.auditor.password }, { ip: "203.0.113.9" });
    for (const reader of [acme.admin, acme.auditor]) {
      const response = await list(reader, acme);
      expect(response.status).toBe(200);
      const { members } = (await response.json()) as { members: Member[] };
      expect(members.map((m) => [m.email, m.role, m.status])).toEqual([
        [acme.admin.email, "admin", "active"],
        [acme.auditor.email, "auditor", "active"],
        [acme.member.email, "member", "active"],
      ]);
      expect(members.find((m) => m.email === acme.auditor.email)?.lastSignInAt).toEqual(expect.any(String));
      expect(members.find((m) => m.email === acme.member.email)?.lastSignInAt).toBeNull();
    }
  });

  it("refuses members (403), API keys (403) and the signed-out (401)", async () => {
    expect((await list(acme.member, acme)).status).toBe(403);
    expect((await list(null, acme)).status).toBe(401);
    const key = await createTestApiKey(acme.orgId, ["reports:read", "reports:write", "events:write"]);
    const response = await GET(new Request(base, { headers: { authorization: `Bearer ${key.key}` } }), noParams);
    expect(response.status).toBe(403);
  });

  it("records the last sign-in with the auth.login event", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: acme.member.id }, select: { lastSignInAt: true } });
    expect(before.lastSignInAt).toBeNull();
    await authorizeCredentials({ email: acme.member.email, password: acme.member.password }, { ip: null });
    const after = await db.user.findUniqueOrThrow({ where: { id: acme.member.id }, select: { lastSignInAt: true } });
    const login = await db.auditEvent.findFirstOrThrow({
      where: { orgId: acme.orgId, action: "auth.login", actorId: acme.member.id },
      orderBy: { seq: "desc" },
    });
    expect(after.lastSignInAt?.toISOString()).toBe(login.occurredAt.toISOString());
  });
});

describe("adding members", () => {
  it("adds an existing account at once, audited as user.created", async () => {
    const elsewhere = await createTestUser({ orgId: globex.orgId, role: "member" });
    const response = await add(acme.admin, acme, { email: elsewhere.email.toUpperCase(), role: "auditor" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { member: Member; invitation: unknown };
    expect(body.invitation).toBeNull();
    expect(body.member).toMatchObject({ userId: elsewhere.id, role: "auditor", status: "active" });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: acme.orgId, action: "user.created", targetId: elsewhere.id },
    });
    expect(event).toMatchObject({ category: "user_admin", actorId: acme.admin.id, ip: "203.0.113.9" });
    expect((await add(acme.admin, acme, { email: elsewhere.email, role: "member" })).status).toBe(409);
  });

  it("refuses bad input with the field named, and non-admins", async () => {
    const bad = await add(acme.admin, acme, { email: "not-an-email", role: "owner" });
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { details: { fields: Record<string, string[]> } } };
    expect(Object.keys(error.details.fields).sort()).toEqual(["email", "role"]);
    expect((await add(acme.auditor, acme, { email: "x@new.test", role: "member" })).status).toBe(403);
    expect((await add(acme.member, acme, { email: "x@new.test", role: "member" })).status).toBe(403);
  });

  it("invites a new email with a one-time set-password link that works once", async () => {
    const email = `invitee-${Date.now()}@new.test`;
    const response = await add(acme.admin, acme, { email, role: "member" });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { member: Member; invitation: { url: string; expiresAt: string } };
    expect(body.member).toMatchObject({ email, status: "invited" });
    expect(body.invitation.url).toMatch(/^http:\/\/localhost\/invitations\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(body.invitation.url);
    // Stored only hashed.
    const stored = await db.invitation.findFirstOrThrow({ where: { userId: body.member.userId } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    // No password yet: no sign-in.
    await expect(authorizeCredentials({ email, password: "" }, { ip: null })).rejects.toThrow();

    // Two submissions at once: exactly one sets the password.
    const [first, second] = await Promise.all([
      accept(token, "first password 123"),
      accept(token, "second password 456"),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 410]);
    const winner = first.status === 200 ? "first password 123" : "second password 456";
    expect((await accept(token)).status).toBe(410);
    const signedIn = await authorizeCredentials({ email, password: winner }, { ip: null });
    expect(signedIn.orgId).toBe(acme.orgId);
    expect((await membersOf(acme)).find((m) => m.email === email)?.status).toBe("active");
    expect(
      await db.auditEvent.count({
        where: { orgId: acme.orgId, action: "user.invitation_accepted", targetId: body.member.userId },
      }),
    ).toBe(1);
  });

  it("refuses an expired link (410), an unknown one (404) and a short password (400)", async () => {
    const email = `late-${Date.now()}@new.test`;
    const body = (await (await add(acme.admin, acme, { email, role: "member" })).json()) as {
      member: Member;
      invitation: { url: string };
    };
    const token = tokenOf(body.invitation.url);
    expect((await accept(token, "short")).status).toBe(400);
    await db.invitation.updateMany({
      where: { userId: body.member.userId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await accept(token)).status).toBe(410);
    expect((await accept("A".repeat(43))).status).toBe(404);
    expect((await membersOf(acme)).find((m) => m.email === email)?.status).toBe("invited");
  });
});

describe("changing roles and removing members", () => {
  it("answers another org's user (and an unknown id) with 404", async () => {
    expect((await changeRole(acme.admin, acme, globex.member.id, "admin")).status).toBe(404);
    expect((await remove(acme.admin, acme, globex.member.id)).status).toBe(404);
    expect((await changeRole(acme.admin, acme, "no-such-user", "admin")).status).toBe(404);
    expect((await db.membership.findFirstOrThrow({ where: { userId: globex.member.id } })).role).toBe("member");
  });

  it("refuses auditors and members (403)", async () => {
    expect((await changeRole(acme.auditor, acme, acme.member.id, "admin")).status).toBe(403);
    expect((await remove(acme.member, acme, acme.auditor.id)).status).toBe(403);
  });

  it("keeps the last admin: no demotion or removal of the only active admin", async () => {
    const org = await createTestOrg();
    const demote = await changeRole(org.admin, org, org.admin.id, "auditor");
    expect(demote.status).toBe(409);
    expect((await remove(org.admin, org, org.admin.id)).status).toBe(409);
    expect((await db.membership.findFirstOrThrow({ where: { orgId: org.orgId, userId: org.admin.id } })).role).toBe(
      "admin",
    );
    // An invited admin does not count: they cannot sign in yet.
    await add(org.admin, org, { email: `invited-admin-${Date.now()}@new.test`, role: "admin" });
    expect((await changeRole(org.admin, org, org.admin.id, "member")).status).toBe(409);
  });

  it("leaves one admin when the last two demote each other at once", async () => {
    for (let round = 0; round < 3; round++) {
      const org = await createTestOrg();
      const second = await createTestUser({ orgId: org.orgId, role: "admin" });
      // Both past the route's guard (both still admins), racing in the database transaction.
      const asAdmin = (user: TestUser) => ({
        orgId: org.orgId,
        actor: {
          kind: "session" as const,
          userId: user.id,
          email: user.email,
          name: user.name,
          orgId: org.orgId,
          role: "admin" as const,
        },
      });
      const results = await Promise.allSettled([
        changeMemberRole(asAdmin(org.admin), second.id, { role: "member" }),
        changeMemberRole(asAdmin(second), org.admin.id, { role: "member" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected");
      expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      expect(await db.membership.count({ where: { orgId: org.orgId, role: "admin" } })).toBe(1);
      expect(await db.auditEvent.count({ where: { orgId: org.orgId, action: "user.role_changed" } })).toBe(1);
    }
  });

  it("over HTTP too: of two crossing demotions one passes, the other is refused", async () => {
    const org = await createTestOrg();
    const second = await createTestUser({ orgId: org.orgId, role: "admin" });
    const results = await Promise.all([
      changeRole(org.admin, org, second.id, "member"),
      changeRole(second, org, org.admin.id, "member"),
    ]);
    // The loser is refused by the guard (403, already demoted) or by the rule (409), depending on timing.
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 403 || r.status === 409)).toHaveLength(1);
    expect(await db.membership.count({ where: { orgId: org.orgId, role: "admin" } })).toBe(1);
  });

  it("changes a role and removes a member, audited, and both appear in the next Audit Summary", async () => {
    const org = await createTestOrg();
    const changed = await changeRole(org.admin, org, org.member.id, "auditor");
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { member: Member }).member.role).toBe("auditor");
    expect((await remove(org.admin, org, org.auditor.id)).status).toBe(204);
    expect((await membersOf(org)).map((m) => m.userId).sort()).toEqual([org.admin.id, org.member.id].sort());
    // The removed person loses access at once.
    expect((await list(org.auditor, org)).status).toBe(401);

    // Yesterday and today (UTC): the changes are in it even when the test runs across midnight.
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const output = new CollectingReportOutput(reportDefinitions.audit.csvColumns);
    await reportDefinitions.audit.build(
      buildContext(org.orgId, "audit", { dateRange: { from: yesterday, to: today }, agentIds: [] }),
      output,
    );
    const byAction = output.table("user_administration", "counts_by_action");
    expect(byAction).toContainEqual(expect.objectContaining({ action: "user.role_changed", count: 1 }));
    expect(byAction).toContainEqual(expect.objectContaining({ action: "user.removed", count: 1 }));
    const roleChange = output
      .table("events", "events")
      .find((row) => row.action === "user.role_changed" && row.target_id === org.member.id);
    expect(roleChange).toMatchObject({ before: "member", after: "auditor", actor_id: org.admin.id });
  });
});
