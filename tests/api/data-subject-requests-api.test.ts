// Data-subject requests and the privacy profile against a real database:
// roles (admins write, auditors read, members 403), tenancy (another org's id
// is 404), 400s naming the field, the one-month clock and its extension on a
// controlled clock, the list's deadline filters, and an audit event per change.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getProfileRoute, PUT as putProfileRoute } from "@/app/api/engine/compliance/privacy-profile/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/engine/compliance/data-subject-requests/route";
import {
  GET as getRoute,
  PATCH as patchRoute,
} from "@/app/api/engine/compliance/data-subject-requests/[requestId]/route";
import type { SessionIdentity } from "@/lib/auth/identity";
import { db } from "@/lib/db";
import { countDataSubjectDeadlines } from "@/lib/privacy/count-data-subject-deadlines";
import { createDataSubjectRequest } from "@/lib/privacy/create-data-subject-request";
import { listDataSubjectRequests } from "@/lib/privacy/list-data-subject-requests";
import type { DataSubjectRequestResponse, PrivacyProfileResponse } from "@/lib/privacy/schemas";
import { listDataSubjectRequestsQuerySchema, updateDataSubjectRequestBodySchema } from "@/lib/privacy/schemas";
import { updateDataSubjectRequest } from "@/lib/privacy/update-data-subject-request";
import type { ErrorBody } from "@/tests/support/error-body";
import { createTestApiKey, createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance";
const origin = { origin: "http://localhost" };

let acme: TestOrg;
let globex: TestOrg;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg({ name: "Acme DSR" }), createTestOrg({ name: "Globex DSR" })]);
  for (const user of acme.users) cookies[user.role] = await sessionCookieFor(user, acme.orgId);
  cookies.globexAdmin = await sessionCookieFor(globex.admin, globex.orgId);
});

const adminOf = (org: TestOrg): SessionIdentity => ({
  kind: "session",
  userId: org.admin.id,
  email: org.admin.email,
  name: org.admin.name,
  orgId: org.orgId,
  role: "admin",
});
const clockAt = (iso: string) => ({ now: () => new Date(iso) });
const change = (body: unknown) => updateDataSubjectRequestBodySchema.parse(body);

const sendJson = (method: string, url: string, cookie: string, body: unknown) =>
  new Request(url, {
    method,
    headers: { cookie, "content-type": "application/json", ...origin },
    body: JSON.stringify(body),
  });

const create = (body: unknown, cookie = cookies.admin!) =>
  createRoute(sendJson("POST", `${base}/data-subject-requests`, cookie, body), { params: Promise.resolve({}) });
const patch = (id: string, body: unknown, cookie = cookies.admin!) =>
  patchRoute(sendJson("PATCH", `${base}/data-subject-requests/${id}`, cookie, body), {
    params: Promise.resolve({ requestId: id }),
  });
const getOne = (id: string, cookie = cookies.admin!) =>
  getRoute(new Request(`${base}/data-subject-requests/${id}`, { headers: { cookie } }), {
    params: Promise.resolve({ requestId: id }),
  });

const validBody = {
  subjectEmail: "Jane.Doe@Example.org",
  subjectIdentifiers: ["jane@doe.example", "+44 20 7946 0958"],
  receivedOn: "2026-01-31",
  verificationMethod: "Replied from the address on file",
  verifiedBy: "admin@acme.test",
};

const auditOf = (targetId: string) =>
  db.auditEvent.findMany({
    where: { orgId: acme.orgId, targetId },
    orderBy: { seq: "asc" },
    select: { action: true, actorLabel: true, metadata: true },
  });

describe("privacy profile", () => {
  const profile = {
    controllerName: "Acme Robotics GmbH",
    controllerContact: "privacy@acme.test",
    dpoContact: "dpo@acme.test",
    supervisoryAuthorityName: "Berlin DPA",
    supervisoryAuthorityUrl: "https://www.datenschutz-berlin.de",
  };
  const put = (body: unknown, cookie: string) =>
    putProfileRoute(sendJson("PUT", `${base}/privacy-profile`, cookie, body), { params: Promise.resolve({}) });
  const get = (cookie: string) =>
    getProfileRoute(new Request(`${base}/privacy-profile`, { headers: { cookie } }), { params: Promise.resolve({}) });

  it("is empty until saved, saved by admins, read by auditors, and audited", async () => {
    const empty = (await (await get(cookies.auditor!)).json()) as PrivacyProfileResponse;
    expect(empty).toMatchObject({ controllerName: "", updatedAt: null });
    const saved = await put(profile, cookies.admin!);
    expect(saved.status).toBe(200);
    const read = (await (await get(cookies.auditor!)).json()) as PrivacyProfileResponse;
    expect(read).toMatchObject({ ...profile, updatedBy: acme.admin.email });
    const events = await db.auditEvent.findMany({
      where: { orgId: acme.orgId, action: "privacy_profile.updated" },
      select: { metadata: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.metadata).toMatchObject({ changed: Object.keys(profile) });
    // Another org sees only its own (empty) profile.
    expect(((await (await get(cookies.globexAdmin!)).json()) as PrivacyProfileResponse).controllerName).toBe("");
  });

  it("refuses auditors and members writing, members reading, and names a bad field", async () => {
    expect((await put(profile, cookies.auditor!)).status).toBe(403);
    expect((await put(profile, cookies.member!)).status).toBe(403);
    expect((await get(cookies.member!)).status).toBe(403);
    const bad = await put(
      { ...profile, controllerName: " ", supervisoryAuthorityUrl: "javascript:alert(1)" },
      cookies.admin!,
    );
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as ErrorBody;
    expect(Object.keys((error.details as { fields: Record<string, string[]> }).fields).sort()).toEqual([
      "controllerName",
      "supervisoryAuthorityUrl",
    ]);
  });
});

describe("data-subject requests", () => {
  it("records a request due one month after receipt (clamped), and audits it", async () => {
    const response = await create(validBody);
    expect(response.status).toBe(201);
    const created = (await response.json()) as DataSubjectRequestResponse;
    expect(response.headers.get("location")).toBe(`/api/engine/compliance/data-subject-requests/${created.id}`);
    expect(created).toMatchObject({
      subject: { email: "jane.doe@example.org", identifiers: ["jane@doe.example", "+44 20 7946 0958"] },
      receivedOn: "2026-01-31",
      originalDueOn: "2026-02-28",
      dueOn: "2026-02-28",
      status: "open",
      extension: null,
      redaction: { enabled: true, offReason: null },
      createdBy: acme.admin.email,
    });
    expect(await auditOf(created.id)).toMatchObject([
      { action: "data_subject_request.created", actorLabel: acme.admin.email, metadata: { dueOn: "2026-02-28" } },
    ]);
    const read = (await (await getOne(created.id, cookies.auditor!)).json()) as DataSubjectRequestResponse;
    expect(read.id).toBe(created.id);
  });

  it("answers 400 naming each bad field, and writes nothing", async () => {
    const before = await db.dataSubjectRequest.count({ where: { orgId: acme.orgId } });
    const response = await create({
      ...validBody,
      subjectEmail: "not-an-email",
      receivedOn: "2026-02-30",
      verifiedBy: "",
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorBody;
    expect(Object.keys((error.details as { fields: Record<string, string[]> }).fields).sort()).toEqual([
      "receivedOn",
      "subjectEmail",
      "verifiedBy",
    ]);
    const future = await create({ ...validBody, receivedOn: "2999-01-01" });
    expect(future.status).toBe(400);
    expect(((await future.json()) as ErrorBody).error.details).toEqual({
      fields: { receivedOn: ["receivedOn cannot be in the future"] },
    });
    expect(await db.dataSubjectRequest.count({ where: { orgId: acme.orgId } })).toBe(before);
  });

  it("lets admins write and auditors read; members and other orgs get 403 and 404", async () => {
    const created = (await (await create(validBody)).json()) as DataSubjectRequestResponse;
    expect((await create(validBody, cookies.auditor!)).status).toBe(403);
    expect((await create(validBody, cookies.member!)).status).toBe(403);
    expect((await patch(created.id, { notes: "x" }, cookies.auditor!)).status).toBe(403);
    expect((await getOne(created.id, cookies.member!)).status).toBe(403);
    const list = await listRoute(
      new Request(`${base}/data-subject-requests`, { headers: { cookie: cookies.member! } }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(list.status).toBe(403);
    expect((await getOne(created.id, cookies.globexAdmin!)).status).toBe(404);
    expect((await patch(created.id, { status: "fulfilled" }, cookies.globexAdmin!)).status).toBe(404);
    const globexList = await listRoute(
      new Request(`${base}/data-subject-requests`, { headers: { cookie: cookies.globexAdmin! } }),
      { params: Promise.resolve({}) },
    );
    expect(((await globexList.json()) as { requests: unknown[] }).requests).toEqual([]);
    // A key with reports:read reads; without reports:write it cannot write.
    const reader = await createTestApiKey(acme.orgId, ["reports:read"]);
    const byKey = await getRoute(
      new Request(`${base}/data-subject-requests/${created.id}`, {
        headers: { authorization: `Bearer ${reader.key}` },
      }),
      { params: Promise.resolve({ requestId: created.id }) },
    );
    expect(byKey.status).toBe(200);
  });

  it("extends within the first month by up to two further months, audited, never after", async () => {
    const ctx = { identity: adminOf(acme) };
    const created = await createDataSubjectRequest(
      { ...ctx, clock: clockAt("2026-03-20T10:00:00.000Z") },
      { ...validBody, subjectEmail: "ext@example.org", subjectIdentifiers: [], receivedOn: "2026-03-15", notes: "" },
    );
    expect(created.dueOn).toBe("2026-04-15");
    const inTime = clockAt("2026-04-15T22:00:00.000Z");
    const once = await updateDataSubjectRequest(
      { ...ctx, clock: inTime },
      created.id,
      change({
        extension: { months: 1, reason: "Four agents to search" },
      }),
    );
    expect(once).toMatchObject({ status: "extended", dueOn: "2026-05-15", originalDueOn: "2026-04-15" });
    expect(once.extension).toEqual({ months: 1, reason: "Four agents to search" });
    const twice = await updateDataSubjectRequest(
      { ...ctx, clock: inTime },
      created.id,
      change({
        extension: { months: 2, reason: "Archive restore needed" },
      }),
    );
    expect(twice.dueOn).toBe("2026-06-15");
    await expect(
      updateDataSubjectRequest(
        { ...ctx, clock: inTime },
        created.id,
        change({ extension: { months: 2, reason: "again" } }),
      ),
    ).rejects.toMatchObject({ code: "validation_failed" });

    const late = await createDataSubjectRequest(
      { ...ctx, clock: clockAt("2026-03-20T10:00:00.000Z") },
      { ...validBody, subjectEmail: "late@example.org", subjectIdentifiers: [], receivedOn: "2026-03-15", notes: "" },
    );
    await expect(
      updateDataSubjectRequest(
        { ...ctx, clock: clockAt("2026-04-16T00:00:00.000Z") },
        late.id,
        change({
          extension: { months: 1, reason: "too late" },
        }),
      ),
    ).rejects.toMatchObject({ code: "conflict" });

    const events = await auditOf(created.id);
    expect(events.map((event) => event.action)).toEqual([
      "data_subject_request.created",
      "data_subject_request.extended",
      "data_subject_request.extended",
    ]);
    expect(events[2]!.metadata).toMatchObject({ months: 2, dueBefore: "2026-05-15", dueAfter: "2026-06-15" });
  });

  it("fulfils and refuses with a reason; a closed request's status is final, its notes are not", async () => {
    const open = (await (await create(validBody)).json()) as DataSubjectRequestResponse;
    const noReason = await patch(open.id, { status: "refused" });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ErrorBody).error.details).toEqual({
      fields: { refusalReason: ["A refusal needs refusalReason"] },
    });
    const refused = await patch(open.id, { status: "refused", refusalReason: "Manifestly unfounded (Art. 12(5))" });
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({
      status: "refused",
      refusalReason: "Manifestly unfounded (Art. 12(5))",
      deadline: { state: "closed", daysLeft: null },
    });
    expect((await patch(open.id, { status: "fulfilled" })).status).toBe(409);
    expect((await patch(open.id, { extension: { months: 1, reason: "x" } })).status).toBe(409);
    expect((await patch(open.id, { notes: "Answered by post" })).status).toBe(200);

    const other = (await (await create(validBody)).json()) as DataSubjectRequestResponse;
    const fulfilled = (await (await patch(other.id, { status: "fulfilled" })).json()) as DataSubjectRequestResponse;
    expect(fulfilled.status).toBe("fulfilled");
    expect(fulfilled.closedAt).not.toBeNull();
    expect((await auditOf(open.id)).map((event) => event.action)).toEqual([
      "data_subject_request.created",
      "data_subject_request.refused",
      "data_subject_request.notes_updated",
    ]);
  });

  it("records turning redaction off with its reason, and back on", async () => {
    const created = (await (await create(validBody)).json()) as DataSubjectRequestResponse;
    const noReason = await patch(created.id, { redaction: { enabled: false } });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as ErrorBody).error.details).toEqual({
      fields: { "redaction.reason": ["Say why redaction is turned off"] },
    });
    const off = (await (
      await patch(created.id, { redaction: { enabled: false, reason: "Subject's own family emails; consented" } })
    ).json()) as DataSubjectRequestResponse;
    expect(off.redaction).toEqual({ enabled: false, offReason: "Subject's own family emails; consented" });
    const on = (await (await patch(created.id, { redaction: { enabled: true } })).json()) as DataSubjectRequestResponse;
    expect(on.redaction).toEqual({ enabled: true, offReason: null });
    const events = await auditOf(created.id);
    expect(events.slice(1)).toMatchObject([
      {
        action: "data_subject_request.redaction_disabled",
        metadata: { reason: "Subject's own family emails; consented" },
      },
      { action: "data_subject_request.redaction_enabled" },
    ]);
  });

  it("lists overdue and due-soon requests on the given clock, open or extended only, and finds by identifier", async () => {
    const org = await createTestOrg({ name: "Deadlines" });
    const ctx = { identity: adminOf(org), clock: clockAt("2026-05-01T09:00:00.000Z") };
    const make = (email: string, receivedOn: string) =>
      createDataSubjectRequest(ctx, {
        ...validBody,
        subjectEmail: email,
        subjectIdentifiers: [],
        receivedOn,
        notes: "",
      });
    const overdue = await make("overdue@example.org", "2026-03-20"); // due 04-20
    const dueToday = await make("today@example.org", "2026-04-01"); // due 05-01
    const dueIn7 = await make("seven@example.org", "2026-04-08"); // due 05-08
    const later = await make("later@example.org", "2026-04-20"); // due 05-20
    const closed = await make("closed@example.org", "2026-03-21"); // due 04-21, but fulfilled
    await updateDataSubjectRequest(ctx, closed.id, change({ status: "fulfilled" }));

    const list = async (query: Record<string, string>) =>
      (await listDataSubjectRequests(ctx, listDataSubjectRequestsQuerySchema.parse(query))).requests.map((r) => r.id);
    expect(await list({ overdue: "true" })).toEqual([overdue.id]);
    expect(await list({ dueWithinDays: "7" })).toEqual([dueToday.id, dueIn7.id]);
    expect(await list({ overdue: "true", dueWithinDays: "7" })).toEqual([overdue.id, dueToday.id, dueIn7.id]);
    expect(await list({})).toEqual([overdue.id, closed.id, dueToday.id, dueIn7.id, later.id]);
    expect(await list({ status: "fulfilled" })).toEqual([closed.id]);
    expect(await list({ q: "SEVEN@" })).toEqual([dueIn7.id]);
    const first = await listDataSubjectRequests(ctx, listDataSubjectRequestsQuerySchema.parse({ limit: "2" }));
    expect(first.nextCursor).toBe(closed.id);
    const next = await listDataSubjectRequests(
      ctx,
      listDataSubjectRequestsQuerySchema.parse({ limit: "2", cursor: first.nextCursor! }),
    );
    expect(next.requests.map((request) => request.id)).toEqual([dueToday.id, dueIn7.id]);
    expect(
      (await listDataSubjectRequests(ctx, listDataSubjectRequestsQuerySchema.parse({}))).requests[0]!.deadline,
    ).toEqual({
      state: "overdue",
      daysLeft: -11,
    });

    // The overview counts the same, in the database.
    expect(await countDataSubjectDeadlines({ orgId: org.orgId, clock: ctx.clock })).toEqual({
      overdue: 1,
      dueSoon: 2,
      days: 7,
    });

    const badFilter = await listRoute(
      new Request(`${base}/data-subject-requests?status=lost&dueWithinDays=x`, { headers: { cookie: cookies.admin! } }),
      { params: Promise.resolve({}) },
    );
    expect(badFilter.status).toBe(400);
  });
});
