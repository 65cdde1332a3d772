// The compliance HTTP API, handler by handler against a real database: every
// route and status, the role and key-scope matrix, the cross-org matrix,
// validation before anything is created, and the stored download.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/engine/compliance/reports/route";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  POST as postRoute,
} from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { GET as downloadRoute } from "@/app/api/engine/compliance/reports/[reportRef]/download/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { reportTypes } from "@/lib/compliance/reports/registry";
import { db } from "@/lib/db";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  type TestApiKey,
  type TestOrg,
  type TestUser,
} from "@/tests/support/fixtures";
import { createTestAgent, fakeDefinitions, sha256 } from "@/tests/support/compliance-fixtures";

const base = "http://localhost/api/engine/compliance/reports";
const range = { dateRange: { from: "2026-01-01", to: "2026-01-31" } };
const utcDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

type Caller = { user: TestUser; orgId: string } | { key: TestApiKey } | null;

let acme: TestOrg;
let globex: TestOrg;
let triage: { id: string; name: string };
let billing: { id: string; name: string };
let globexAgent: { id: string; name: string };
const keys: Record<string, TestApiKey> = {};
const cookies = new Map<string, string>();

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg({ name: "Acme API" }), createTestOrg({ name: "Globex API" })]);
  [triage, billing, globexAgent] = await Promise.all([
    createTestAgent(acme.orgId, "Support Triage"),
    createTestAgent(acme.orgId, "Évaluation Bot"),
    createTestAgent(globex.orgId, "Globex Agent"),
  ]);
  const specs = {
    acmeRead: [acme.orgId, ["reports:read"]],
    acmeWrite: [acme.orgId, ["reports:write"]],
    acmeAll: [acme.orgId, ["reports:read", "reports:write"]],
    acmeEvents: [acme.orgId, ["events:write"]],
    globexAll: [globex.orgId, ["reports:read", "reports:write", "events:write"]],
  } as const;
  for (const [name, [orgId, scopes]] of Object.entries(specs)) keys[name] = await createTestApiKey(orgId, [...scopes]);
});

const admin = () => ({ user: acme.admin, orgId: acme.orgId });
const auditor = () => ({ user: acme.auditor, orgId: acme.orgId });
const member = () => ({ user: acme.member, orgId: acme.orgId });
const globexAdmin = () => ({ user: globex.admin, orgId: globex.orgId });
const key = (name: string) => ({ key: keys[name]! });

async function headersFor(caller: Caller, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const headers: Record<string, string> = { ...extra };
  if (caller && "key" in caller) headers.authorization = `Bearer ${caller.key.key}`;
  if (caller && "user" in caller) {
    const cacheKey = `${caller.user.id}:${caller.orgId}`;
    if (!cookies.has(cacheKey)) cookies.set(cacheKey, await sessionCookieFor(caller.user, caller.orgId));
    headers.cookie = cookies.get(cacheKey)!;
  }
  return headers;
}

const refParams = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });

async function post(caller: Caller, type: string, body: unknown, options: { raw?: string } = {}) {
  const headers = await headersFor(caller, { "content-type": "application/json" });
  const request = new Request(`${base}/${type}`, {
    method: "POST",
    headers,
    body: options.raw ?? JSON.stringify(body),
  });
  return postRoute(request, refParams(type));
}

async function get(caller: Caller, id: string) {
  return getRoute(new Request(`${base}/${id}`, { headers: await headersFor(caller) }), refParams(id));
}

async function remove(caller: Caller, id: string) {
  return deleteRoute(
    new Request(`${base}/${id}`, { method: "DELETE", headers: await headersFor(caller) }),
    refParams(id),
  );
}

async function list(caller: Caller, query = "") {
  return listRoute(new Request(`${base}${query}`, { headers: await headersFor(caller) }), {
    params: Promise.resolve({}),
  });
}

async function download(caller: Caller, id: string, query = "?format=json", extra: Record<string, string> = {}) {
  return downloadRoute(
    new Request(`${base}/${id}/download${query}`, { headers: await headersFor(caller, extra) }),
    refParams(id),
  );
}

async function queue(body: unknown = range, type = "soc2") {
  const response = await post(admin(), type, body);
  expect(response.status).toBe(202);
  return (await response.json()) as { id: string; title: string; status: string };
}

async function queueCompleted(body: unknown = range, type = "soc2") {
  const report = await queue(body, type);
  const result = await processNextReport(db, "api-test-worker", {
    definitions: fakeDefinitions({ rows: 20 }),
    reportId: report.id,
  });
  expect(result?.outcome).toBe("completed");
  return report;
}

const acmeReportCount = () => db.report.count({ where: { orgId: acme.orgId } });

describe("POST /reports/:type", () => {
  it("queues a SOC2 summary: 202, Location and the pending report", async () => {
    const response = await post(admin(), "soc2", { orgId: acme.orgId, ...range, agentIds: [triage.id] });
    expect(response.status).toBe(202);
    const report = await response.json();
    expect(response.headers.get("location")).toBe(`/api/engine/compliance/reports/${report.id}`);
    expect(report).toEqual({
      id: expect.any(String),
      orgId: acme.orgId,
      type: "soc2",
      title: "SOC2 Summary — 2026-01-01 to 2026-01-31 — Support Triage",
      status: "pending",
      progress: 0,
      scope: { agentIds: [triage.id], dateRange: range.dateRange },
      createdAt: expect.any(String),
      createdBy: { type: "user", id: acme.admin.id, email: acme.admin.email, label: acme.admin.email },
      startedAt: null,
      completedAt: null,
      error: null,
      errorCode: null,
      artifacts: null,
      statement: null,
      legalHold: false,
      expiresAt: null,
      purgedAt: null,
    });
    const event = await db.auditEvent.findFirst({
      where: { orgId: acme.orgId, action: "compliance.report_requested", targetId: report.id },
      select: { category: true, actorType: true, actorId: true },
    });
    expect(event).toEqual({ category: "compliance", actorType: "user", actorId: acme.admin.id });
  });

  it("titles GDPR exports by agent and audit summaries by period and agents", async () => {
    const gdpr = await post(admin(), "gdpr", { agentId: triage.id });
    expect(gdpr.status).toBe(202);
    expect((await gdpr.json()).title).toBe("GDPR Export — Support Triage");
    const audit = await post(admin(), "audit", { ...range, agentIds: [triage.id, billing.id] });
    expect((await audit.json()).title).toBe(
      "Audit Summary — 2026-01-01 to 2026-01-31 — Support Triage, Évaluation Bot",
    );
  });

  it("accepts a key with reports:write and records the key as the author", async () => {
    const response = await post(key("acmeWrite"), "audit", range);
    expect(response.status).toBe(202);
    const report = await response.json();
    expect(report.createdBy).toMatchObject({ type: "api_key", id: keys.acmeWrite!.id, email: null });
  });

  it.each([
    ["an auditor", auditor, 403],
    ["a member", member, 403],
    ["no identity", () => null, 401],
    ["a reports:read key", () => key("acmeRead"), 403],
    ["an events:write key", () => key("acmeEvents"), 403],
  ])("refuses %s", async (_, caller, status) => {
    const before = await acmeReportCount();
    const response = await post(caller(), "soc2", range);
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(status === 401 ? "unauthorized" : "forbidden");
    expect(await acmeReportCount()).toBe(before);
  });

  it("refuses an orgId naming another org with 403", async () => {
    const response = await post(admin(), "soc2", { orgId: globex.orgId, ...range });
    expect(response.status).toBe(403);
  });
});

describe("validation before anything is created", () => {
  const tooManyIds = Array.from({ length: 101 }, (_, index) => `agent-${index}`);
  it.each([
    ["from after to", "soc2", { dateRange: { from: "2026-02-01", to: "2026-01-31" } }, "dateRange.to"],
    ["an impossible date", "soc2", { dateRange: { from: "2026-02-01", to: "2026-02-30" } }, "dateRange.to"],
    ["a malformed date", "audit", { dateRange: { from: "2026-1-1", to: "2026-01-31" } }, "dateRange.from"],
    ["a range over five years", "soc2", { dateRange: { from: "2020-01-01", to: "2025-01-01" } }, "dateRange.to"],
    ["a `to` after today (UTC)", "soc2", { dateRange: { from: utcDay(-3), to: utcDay(1) } }, "dateRange.to"],
    ["a period wholly in the future", "audit", { dateRange: { from: utcDay(30), to: utcDay(40) } }, "dateRange.to"],
    ["a missing date range", "soc2", {}, "dateRange"],
    ["GDPR without agentId", "gdpr", {}, "agentId"],
    ["more than 100 agent ids", "soc2", { ...range, agentIds: tooManyIds }, "agentIds"],
    ["duplicate agent ids", "soc2", { ...range, agentIds: ["a", "a"] }, "agentIds"],
    ["an unknown body key", "soc2", { ...range, format: "pdf" }, "body"],
    ["dateRange on a GDPR export", "gdpr", { agentId: "x", ...range }, "body"],
  ])("refuses %s with 400 and field details", async (_, type, body, field) => {
    const before = await acmeReportCount();
    const response = await post(admin(), type, body);
    expect(response.status).toBe(400);
    const error = (await response.json()).error;
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.details.fields)).toContain(field);
    expect(await acmeReportCount()).toBe(before);
  });

  it("accepts a period ending today (UTC): generation cuts it at the moment it starts", async () => {
    const response = await post(admin(), "audit", { dateRange: { from: utcDay(-1), to: utcDay(0) } });
    expect(response.status).toBe(202);
  });

  it("accepts a range of exactly five years less a day", async () => {
    const response = await post(admin(), "soc2", { dateRange: { from: "2021-01-01", to: "2025-12-31" } });
    expect(response.status).toBe(202);
  });

  it("refuses agents that are not in the org, naming them", async () => {
    const response = await post(admin(), "soc2", { ...range, agentIds: [triage.id, globexAgent.id, "no-such-agent"] });
    expect(response.status).toBe(400);
    const fields = (await response.json()).error.details.fields;
    expect(fields.agentIds[0]).toContain(globexAgent.id);
    expect(fields.agentIds[0]).toContain("no-such-agent");
    expect(fields.agentIds[0]).not.toContain(triage.id);

    const gdpr = await post(admin(), "gdpr", { agentId: globexAgent.id });
    expect(gdpr.status).toBe(400);
    expect((await gdpr.json()).error.details.fields.agentId[0]).toContain(globexAgent.id);
  });

  it("refuses malformed JSON with 400", async () => {
    const response = await post(admin(), "soc2", null, { raw: '{"dateRange": ' });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  });

  it("refuses a body over 64 KB with 413", async () => {
    const response = await post(admin(), "soc2", { ...range, padding: "x".repeat(70 * 1024) });
    expect(response.status).toBe(413);
  });

  it("answers an unknown report type with 404 naming the allowed types", async () => {
    const response = await post(admin(), "pdf", range);
    expect(response.status).toBe(404);
    const error = (await response.json()).error;
    expect(error.message).toContain("soc2, gdpr, audit");
    // The seed's three first, then whatever else the registry holds.
    expect(error.details.allowedTypes).toEqual(reportTypes);
    expect(reportTypes.slice(0, 3)).toEqual(["soc2", "gdpr", "audit"]);
  });
});

describe("GET /reports and /reports/:id", () => {
  it("lists the org's reports newest first, with filters and a cursor", async () => {
    const org = await createTestOrg({ name: "Listing Org" });
    const caller = { user: org.admin, orgId: org.orgId };
    const ids: string[] = [];
    for (const type of ["soc2", "audit", "soc2"]) {
      const response = await post(caller, type, range);
      ids.push((await response.json()).id);
    }
    const first = await list(caller, "?limit=2");
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.reports.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await (await list(caller, `?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.reports.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    expect(page2.nextCursor).toBeNull();

    const audits = await (await list(caller, "?type=audit")).json();
    expect(audits.reports.map((r: { id: string }) => r.id)).toEqual([ids[1]]);
    const completed = await (await list(caller, "?status=completed")).json();
    expect(completed.reports).toEqual([]);
    const own = await (await list(caller, `?orgId=${org.orgId}`)).json();
    expect(own.reports).toHaveLength(3);
  });

  it.each([
    ["?limit=0", 400],
    ["?limit=101", 400],
    ["?type=pdf", 400],
    ["?status=running", 400],
    ["?cursor=bm9wZQ", 400],
  ])("refuses the query %s", async (query, status) => {
    expect((await list(admin(), query)).status).toBe(status);
  });

  it("refuses an orgId naming another org with 403", async () => {
    expect((await list(admin(), `?orgId=${globex.orgId}`)).status).toBe(403);
  });

  it("returns one report with status, progress and error", async () => {
    const report = await queue();
    const response = await get(auditor(), report.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: report.id, status: "pending", progress: 0, error: null });
    expect((await get(admin(), "no-such-report")).status).toBe(404);
  });

  it.each([
    ["admin", admin, 200],
    ["auditor", auditor, 200],
    ["member", member, 403],
    ["no identity", () => null, 401],
    ["reports:read key", () => key("acmeRead"), 200],
    ["reports:write-only key", () => key("acmeWrite"), 403],
    ["events:write key", () => key("acmeEvents"), 403],
  ])("read routes answer %s with %s", async (_, caller, status) => {
    const report = await queueCompleted();
    expect((await list(caller())).status).toBe(status);
    expect((await get(caller(), report.id)).status).toBe(status);
    const downloaded = await download(caller(), report.id);
    expect(downloaded.status).toBe(status);
    await downloaded.body?.cancel();
  });
});

describe("GET /reports/:id/download", () => {
  it("serves the stored JSON with its hash as ETag, a safe filename and its length", async () => {
    const report = await queueCompleted({ agentId: triage.id }, "gdpr");
    const response = await download(key("acmeRead"), report.id);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const stored = (await (await get(admin(), report.id)).json()).artifacts.json;
    expect(response.headers.get("etag")).toBe(`"${sha256(bytes)}"`);
    expect(stored).toEqual({ byteSize: bytes.byteLength, sha256: sha256(bytes) });
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="GDPR-Export-Support-Triage.json"; filename*=UTF-8''GDPR%20Export%20%E2%80%94%20Support%20Triage.json`,
    );
    expect(JSON.parse(bytes.toString("utf8")).report.id).toBe(report.id);

    const event = await db.auditEvent.findFirst({
      where: { orgId: acme.orgId, action: "compliance.report_downloaded", targetId: report.id },
      select: { actorType: true, actorId: true, category: true, metadata: true },
    });
    expect(event).toEqual({
      actorType: "api_key",
      actorId: keys.acmeRead!.id,
      category: "compliance",
      metadata: { format: "json", via: "api_key", bom: false },
    });
  });

  it("serves CSV that papaparse reads with a constant field count, audited as a session download", async () => {
    const report = await queueCompleted({ ...range, agentIds: [billing.id] });
    const response = await download(auditor(), report.id, "?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toContain(".csv");
    const text = await response.text();
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(new Set(parsed.data.map((line) => line.length)).size).toBe(1);
    const events = await db.auditEvent.findMany({
      where: { orgId: acme.orgId, action: "compliance.report_downloaded", targetId: report.id },
      select: { actorId: true, metadata: true },
    });
    expect(events).toEqual([{ actorId: acme.auditor.id, metadata: { format: "csv", via: "session", bom: false } }]);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const report = await queueCompleted();
    const first = await download(admin(), report.id);
    const etag = first.headers.get("etag")!;
    await first.body?.cancel();
    const again = await download(admin(), report.id, "?format=json", { "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  it("answers 409 while the report is pending or failed, 400 for another format", async () => {
    const pending = await queue();
    const response = await download(admin(), pending.id);
    expect(response.status).toBe(409);
    expect((await response.json()).error.code).toBe("conflict");

    const failed = await queue();
    await processNextReport(db, "api-test-worker", {
      definitions: fakeDefinitions({ throwWith: "boom" }),
      reportId: failed.id,
    });
    const failedResponse = await download(admin(), failed.id, "?format=csv");
    expect(failedResponse.status).toBe(409);
    const failedError = (await failedResponse.json()).error;
    expect(failedError).toMatchObject({ code: "conflict", details: { status: "failed", reason: "generation_failed" } });
    expect(failedError.message).toContain("The report could not be generated");
    expect(failedError.message).not.toContain("boom");

    const completed = await queueCompleted();
    expect((await download(admin(), completed.id, "?format=xml")).status).toBe(400);
  });
});

describe("DELETE /reports/:id", () => {
  it.each([
    ["an auditor", auditor, 403],
    ["a member", member, 403],
    ["no identity", () => null, 401],
    ["a reports:read key", () => key("acmeRead"), 403],
  ])("refuses %s", async (_, caller, status) => {
    const report = await queueCompleted();
    expect((await remove(caller(), report.id)).status).toBe(status);
    expect((await get(admin(), report.id)).status).toBe(200);
  });

  it.each([
    ["an admin", admin, "user"],
    ["a reports:write key", () => key("acmeAll"), "api_key"],
  ])("lets %s delete the report, its stored files, and records it", async (_, caller, actorType) => {
    const report = await queueCompleted();
    const response = await remove(caller(), report.id);
    expect(response.status).toBe(204);
    expect((await get(admin(), report.id)).status).toBe(404);
    expect(await db.reportArtifact.count({ where: { reportId: report.id } })).toBe(0);
    const event = await db.auditEvent.findFirst({
      where: { orgId: acme.orgId, action: "compliance.report_deleted", targetId: report.id },
      select: { actorType: true, category: true },
    });
    expect(event).toEqual({ actorType, category: "compliance" });
    expect((await remove(caller(), report.id)).status).toBe(404);
  });
});

describe("another org's report is as missing as an unknown one", () => {
  it.each([
    ["Globex's admin", globexAdmin],
    ["Globex's key", () => key("globexAll")],
  ])("%s gets 404 on every route for an Acme report", async (_, caller) => {
    const report = await queueCompleted();
    const notFound = async (response: Response) => {
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    };
    await notFound(await get(caller(), report.id));
    await notFound(await download(caller(), report.id, "?format=json"));
    await notFound(await download(caller(), report.id, "?format=csv"));
    await notFound(await remove(caller(), report.id));
    const listed = await (await list(caller())).json();
    expect(listed.reports.map((r: { id: string }) => r.id)).not.toContain(report.id);
    expect((await get(admin(), report.id)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { orgId: globex.orgId, targetId: report.id } })).toBe(0);
  });
});
