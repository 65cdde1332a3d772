// GET /reports: search by title, filter by the period covered, sort by generation
// time, title or period (each way), keyset pages that stay consistent in every order, and 400s naming the
// field for a bad query. Against a real database (SQLite, and PostgreSQL with
// TEST_DATABASE_URL).
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/engine/compliance/reports/route";
import { POST as postRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/raw-sql-of";
import { createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance/reports";

type Listed = { id: string; title: string; scope: { dateRange?: { from: string; to: string } } };

let org: TestOrg;
let other: TestOrg;
let cookie: string;
/** The fixture reports by name. */
const ids: Record<string, string> = {};

const fixtures = [
  // name, type, title, period (null: GDPR, no period), minutes after the first
  ["janSoc2", "soc2", "SOC2 Summary · 2026-01-01 – 2026-01-31 · all agents", ["2026-01-01", "2026-01-31"], 0],
  ["gdprTriage", "gdpr", "GDPR Export · Support Triage", null, 1],
  ["q1Audit", "audit", "Audit Summary · 2026-01-01 – 2026-03-31 · Support Triage", ["2026-01-01", "2026-03-31"], 2],
  ["febSoc2", "soc2", "SOC2 Summary · 2026-02-01 – 2026-02-28 · all agents", ["2026-02-01", "2026-02-28"], 3],
  ["percent", "audit", "Audit Summary · 100% of agents_x", ["2025-12-01", "2025-12-31"], 4],
  ["gdprBilling", "gdpr", "GDPR Export · Billing Bot", null, 5],
] as const;

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg({ name: "List Query Org" }), createTestOrg({ name: "Other" })]);
  cookie = await sessionCookieFor(org.auditor, org.orgId);
  const start = Date.UTC(2026, 5, 1);
  for (const [index, [name, type, title, period, minutes]] of fixtures.entries()) {
    // Ids in creation order: reports without a period tie, and the id decides between them.
    const id = `lq-${index}-${crypto.randomUUID()}`;
    ids[name] = id;
    await db.report.create({
      data: {
        id,
        orgId: org.orgId,
        type,
        title,
        status: "completed",
        scope: period ? { dateRange: { from: period[0], to: period[1] }, agentIds: [] } : { agentIds: ["a"] },
        periodFrom: period?.[0] ?? null,
        periodTo: period?.[1] ?? null,
        createdByType: "user",
        createdByLabel: "test",
        createdAt: new Date(start + minutes * 60_000),
      },
    });
  }
  // Another org's report that matches every search: it must never show.
  await db.report.create({
    data: {
      orgId: other.orgId,
      type: "soc2",
      title: "SOC2 Summary · Support Triage · 100% of agents_x billing",
      scope: { agentIds: [] },
      createdByType: "user",
      createdByLabel: "test",
    },
  });
});

async function list(query: string): Promise<Response> {
  return listRoute(new Request(`${base}${query}`, { headers: { cookie } }), { params: Promise.resolve({}) });
}

async function names(query: string): Promise<string[]> {
  const response = await list(query);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { reports: Listed[] };
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return body.reports.map((report) => byId.get(report.id) ?? `foreign:${report.title}`);
}

/** Every page of `query`, `limit` at a time, following the cursor. */
async function allPages(query: string, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response = await list(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { reports: Listed[]; nextCursor: string | null };
    pages.push(body.reports.map((report) => Object.entries(ids).find(([, id]) => id === report.id)?.[0] ?? "?"));
    cursor = body.nextCursor;
  } while (cursor && pages.length < 10);
  return pages;
}

describe("search by title", () => {
  it("matches words anywhere in the title, in any order, ignoring case", async () => {
    expect(await names("?q=triage")).toEqual(["q1Audit", "gdprTriage"]);
    expect(await names("?q=TRIAGE%20audit")).toEqual(["q1Audit"]);
    expect(await names("?q=%20soc2%20%20")).toEqual(["febSoc2", "janSoc2"]);
    expect(await names("?q=2026-02")).toEqual(["febSoc2"]);
  });

  it("finds titles holding % and _", async () => {
    expect(await names("?q=100%25")).toEqual(["percent"]);
    expect(await names("?q=agents_x")).toEqual(["percent"]);
  });

  it.runIf(providerOf(db) === "postgresql")("takes % and _ literally on PostgreSQL", async () => {
    // As LIKE wildcards, each would match every title (as they do on SQLite: see contains-ignoring-case.ts).
    expect(await names("?q=%25")).toEqual(["percent"]);
    expect(await names("?q=_")).toEqual(["percent"]);
    expect(await names("?q=s_x%25")).toEqual([]);
    expect(await names("?q=%5C")).toEqual([]);
  });

  it("treats a blank search as none and combines with the type filter", async () => {
    expect(await names("?q=%20%20")).toHaveLength(fixtures.length);
    expect(await names("?q=triage&type=gdpr")).toEqual(["gdprTriage"]);
    expect(await names("?q=nothing-like-this")).toEqual([]);
  });
});

describe("sort", () => {
  it("orders by generation time, newest first by default, oldest first on request", async () => {
    expect(await names("")).toEqual(["gdprBilling", "percent", "febSoc2", "q1Audit", "gdprTriage", "janSoc2"]);
    expect(await names("?sort=createdAt&order=asc")).toEqual([
      "janSoc2",
      "gdprTriage",
      "q1Audit",
      "febSoc2",
      "percent",
      "gdprBilling",
    ]);
  });

  it("orders by period end, latest first by default, reports without a period last either way", async () => {
    expect(await names("?sort=period")).toEqual([
      "q1Audit",
      "febSoc2",
      "janSoc2",
      "percent",
      "gdprBilling",
      "gdprTriage",
    ]);
    expect(await names("?sort=period&order=asc")).toEqual([
      "percent",
      "janSoc2",
      "febSoc2",
      "q1Audit",
      "gdprTriage",
      "gdprBilling",
    ]);
  });

  it("orders by title, A to Z by default", async () => {
    const titles = fixtures.map(([name, , title]) => [name, title] as const);
    const ascending = [...titles].sort((a, b) => (a[1] < b[1] ? -1 : 1)).map(([name]) => name);
    expect(await names("?sort=title")).toEqual(ascending);
    expect(await names("?sort=title&order=desc")).toEqual([...ascending].reverse());
  });

  it.each(["createdAt", "title", "period"])(
    "pages by %s in both orders without skipping or repeating a report",
    async (sort) => {
      for (const order of ["asc", "desc"]) {
        const whole = await names(`?sort=${sort}&order=${order}`);
        const pages = await allPages(`?sort=${sort}&order=${order}`, 2);
        expect(pages.map((page) => page.length)).toEqual([2, 2, 2]);
        expect(pages.flat()).toEqual(whole);
      }
    },
  );

  it("pages through search results", async () => {
    expect(await allPages("?q=summary&sort=period", 2)).toEqual([
      ["q1Audit", "febSoc2"],
      ["janSoc2", "percent"],
    ]);
  });
});

describe("filter by the period covered", () => {
  it("keeps reports whose period overlaps the days asked for, both ends included", async () => {
    expect(await names("?periodFrom=2026-02-01&periodTo=2026-02-28")).toEqual(["febSoc2", "q1Audit"]);
    expect(await names("?periodFrom=2026-01-31&periodTo=2026-01-31")).toEqual(["q1Audit", "janSoc2"]);
    expect(await names("?periodFrom=2025-12-31&periodTo=2026-01-01")).toEqual(["percent", "q1Audit", "janSoc2"]);
    expect(await names("?periodFrom=2026-04-01&periodTo=2026-06-30")).toEqual([]);
  });

  it("takes either end alone as open on the other side, and leaves out reports without a period", async () => {
    expect(await names("?periodFrom=2026-02-15")).toEqual(["febSoc2", "q1Audit"]);
    expect(await names("?periodTo=2025-12-31")).toEqual(["percent"]);
    expect(await names("?periodFrom=2000-01-01")).toEqual(["percent", "febSoc2", "q1Audit", "janSoc2"]);
  });

  it("combines with type, search and sort, and pages without skipping or repeating", async () => {
    expect(await names("?periodFrom=2026-01-01&periodTo=2026-01-31&type=soc2")).toEqual(["janSoc2"]);
    expect(await names("?periodFrom=2026-01-15&q=audit")).toEqual(["q1Audit"]);
    expect(await allPages("?sort=period&order=asc&periodFrom=2025-12-15&periodTo=2026-02-10", 2)).toEqual([
      ["percent", "janSoc2"],
      ["febSoc2", "q1Audit"],
    ]);
  });
});

describe("bad queries are 400 naming the field", () => {
  it.each([
    ["?sort=size", "sort"],
    ["?sort=createdAt&order=up", "order"],
    [`?q=${"x".repeat(201)}`, "q"],
    ["?periodFrom=2026-13-01", "periodFrom"],
    ["?periodFrom=2026-02-30&periodTo=2026-03-01", "periodFrom"],
    ["?periodTo=last-month", "periodTo"],
    ["?periodFrom=2026-03-01&periodTo=2026-02-28", "periodTo"],
  ])("%s", async (query, field) => {
    const response = await list(query);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(Object.keys(body.error.details.fields)).toEqual([field]);
  });

  it("refuses a cursor made for another order (it would skip or repeat rows)", async () => {
    const first = await (await list("?sort=title&limit=2")).json();
    expect(first.nextCursor).toEqual(expect.any(String));
    const response = await list(`?sort=period&limit=2&cursor=${first.nextCursor}`);
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).error.details.fields)).toEqual(["cursor"]);
    expect((await list(`?sort=title&order=desc&limit=2&cursor=${first.nextCursor}`)).status).toBe(400);
    expect((await list(`?sort=title&limit=2&cursor=${first.nextCursor}`)).status).toBe(200);
  });
});

describe("a queued report's period is kept for sorting", () => {
  it("stores the period of SOC2 and Audit reports and none for GDPR exports", async () => {
    const fresh = await createTestOrg({ name: "Period Org" });
    const adminCookie = await sessionCookieFor(fresh.admin, fresh.orgId);
    const response = await postRoute(
      new Request(`${base}/audit`, {
        method: "POST",
        headers: { cookie: adminCookie, "content-type": "application/json" },
        body: JSON.stringify({ dateRange: { from: "2026-03-01", to: "2026-03-15" } }),
      }),
      { params: Promise.resolve({ reportRef: "audit" }) },
    );
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const row = await db.report.findUniqueOrThrow({ where: { id }, select: { periodFrom: true, periodTo: true } });
    expect(row).toEqual({ periodFrom: "2026-03-01", periodTo: "2026-03-15" });
  });
});
