// Retention and legal hold: the org's retention setting (admins, validated,
// audited), legal hold (admins, audited, blocks purge and deletion), and the
// purge job: expired reports lose their bytes but keep a tombstone (row,
// SHA-256s, statement), downloads answer 410, every purge is audited once,
// and two purges racing (or a purge lease held elsewhere) purge nothing twice.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as downloadRoute } from "@/app/api/engine/compliance/reports/[reportRef]/download/route";
import { PUT as legalHoldRoute } from "@/app/api/engine/compliance/reports/[reportRef]/legal-hold/route";
import { GET as previewRoute } from "@/app/api/engine/compliance/reports/[reportRef]/preview/route";
import {
  DELETE as deleteRoute,
  GET as getRoute,
  POST as postRoute,
} from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { GET as statementRoute } from "@/app/api/engine/compliance/reports/[reportRef]/statement/route";
import { GET as listRoute } from "@/app/api/engine/compliance/reports/route";
import { GET as getSettingsRoute, PUT as putSettingsRoute } from "@/app/api/engine/compliance/settings/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";
import { purgeExpiredReports } from "@/lib/compliance/retention/purge-expired-reports";
import { db } from "@/lib/db";
import { fakeDefinitions } from "@/tests/support/compliance-fixtures";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  type TestApiKey,
  type TestOrg,
} from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance";
const ref = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });
const json = { "content-type": "application/json" };
const dayMs = 86_400_000;

let org: TestOrg;
let other: TestOrg;
let writer: TestApiKey;

beforeAll(async () => {
  org = await createTestOrg();
  other = await createTestOrg();
  writer = await createTestApiKey(org.orgId, ["reports:read", "reports:write"]);
});

const asUser = async (who: TestOrg, role: "admin" | "auditor" | "member" = "admin") => ({
  cookie: await sessionCookieFor(
    role === "admin" ? who.admin : role === "auditor" ? who.auditor : who.member,
    who.orgId,
  ),
});

/** A completed, signed report of `org`, completed `ageDays` ago. */
async function completedReport(ageDays: number): Promise<string> {
  const response = await postRoute(
    new Request(`${base}/reports/soc2`, {
      method: "POST",
      headers: { authorization: `Bearer ${writer.key}`, ...json },
      body: JSON.stringify({ dateRange: { from: "2025-01-01", to: "2025-01-31" } }),
    }),
    ref("soc2"),
  );
  const { id } = (await response.json()) as { id: string };
  const done = await processNextReport(db, "retention-test-worker", { reportId: id, definitions: fakeDefinitions() });
  expect(done?.outcome).toBe("completed");
  await db.report.update({ where: { id }, data: { completedAt: new Date(Date.now() - ageDays * dayMs) } });
  return id;
}

const readReport = async (id: string) =>
  (await (
    await getRoute(new Request(`${base}/reports/${id}`, { headers: await asUser(org, "auditor") }), ref(id))
  ).json()) as ReportResponse;

const setHold = async (id: string, legalHold: boolean, who: TestOrg = org, role: "admin" | "auditor" = "admin") =>
  legalHoldRoute(
    new Request(`${base}/reports/${id}/legal-hold`, {
      method: "PUT",
      headers: { ...json, ...(await asUser(who, role)) },
      body: JSON.stringify({ legalHold }),
    }),
    ref(id),
  );

const purgeEvents = (id: string) =>
  db.auditEvent.count({ where: { orgId: org.orgId, action: "compliance.report_purged", targetId: id } });

describe("retention setting", () => {
  it("defaults to 365 days, is read by auditors, set by admins only, validated and audited", async () => {
    const read = await getSettingsRoute(
      new Request(`${base}/settings`, { headers: await asUser(org, "auditor") }),
      ref(""),
    );
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ reportRetentionDays: 365 });
    const put = async (body: unknown, headers: Record<string, string>) =>
      putSettingsRoute(
        new Request(`${base}/settings`, {
          method: "PUT",
          headers: { ...json, ...headers },
          body: JSON.stringify(body),
        }),
        ref(""),
      );
    expect((await put({ reportRetentionDays: 400 }, await asUser(org, "auditor"))).status).toBe(403);
    expect((await put({ reportRetentionDays: 400 }, { authorization: `Bearer ${writer.key}` })).status).toBe(403);
    const tooShort = await put({ reportRetentionDays: 5 }, await asUser(org));
    expect(tooShort.status).toBe(400);
    expect(await tooShort.json()).toMatchObject({
      error: { details: { fields: { reportRetentionDays: [expect.stringContaining("at least 30")] } } },
    });
    expect((await put({ reportRetentionDays: 1.5 }, await asUser(org))).status).toBe(400);
    const changed = await put({ reportRetentionDays: 400 }, await asUser(org));
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ reportRetentionDays: 400 });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: org.orgId, action: "compliance.retention_changed" },
      select: { metadata: true },
    });
    expect(event.metadata).toEqual({ before: { reportRetentionDays: 365 }, after: { reportRetentionDays: 400 } });
    // Another org keeps its own.
    const theirs = await getSettingsRoute(new Request(`${base}/settings`, { headers: await asUser(other) }), ref(""));
    expect(await theirs.json()).toEqual({ reportRetentionDays: 365 });
    expect((await put({ reportRetentionDays: 365 }, await asUser(org))).status).toBe(200);
  });

  it("the reports list shows each completed report's expiry and hold", async () => {
    const id = await completedReport(10);
    const list = await listRoute(
      new Request(`${base}/reports?limit=100`, { headers: await asUser(org, "auditor") }),
      ref(""),
    );
    const report = ((await list.json()) as { reports: ReportResponse[] }).reports.find((row) => row.id === id);
    expect(report?.legalHold).toBe(false);
    expect(Date.parse(report?.expiresAt ?? "") - Date.parse(report?.completedAt ?? "")).toBe(365 * dayMs);
  });
});

describe("legal hold", () => {
  it("admins set and release it, audited; auditors cannot; another org's report is 404; a held report cannot be deleted", async () => {
    const id = await completedReport(1);
    expect((await setHold(id, true, org, "auditor")).status).toBe(403);
    expect((await setHold(id, true, other)).status).toBe(404);
    const held = await setHold(id, true);
    expect(held.status).toBe(200);
    expect(await held.json()).toMatchObject({ id, legalHold: true });
    const remove = await deleteRoute(
      new Request(`${base}/reports/${id}`, { method: "DELETE", headers: await asUser(org) }),
      ref(id),
    );
    expect(remove.status).toBe(409);
    expect(await db.report.count({ where: { id } })).toBe(1);
    expect((await setHold(id, false)).status).toBe(200);
    const actions = await db.auditEvent.findMany({
      where: { orgId: org.orgId, targetId: id, action: { startsWith: "compliance.report_legal_hold" } },
      orderBy: { seq: "asc" },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual([
      { action: "compliance.report_legal_hold_set", actorId: org.admin.id },
      { action: "compliance.report_legal_hold_released", actorId: org.admin.id },
    ]);
  });
});

describe("purging expired reports", () => {
  it("deletes the bytes of an expired report, keeps its tombstone and statement, answers 410 for its files, and audits it", async () => {
    const id = await completedReport(400);
    const fresh = await completedReport(30);
    const before = await readReport(id);
    expect(before.artifacts?.json?.sha256).toMatch(/^[0-9a-f]{64}$/);

    const purged = await purgeExpiredReports(db, { workerId: "purge-a" });
    expect(purged).toContain(id);
    expect(purged).not.toContain(fresh);

    const after = await readReport(id);
    expect(after).toMatchObject({ id, status: "purged", type: "soc2", scope: before.scope, title: before.title });
    expect(after.purgedAt).not.toBeNull();
    expect(after.completedAt).toBe(before.completedAt);
    expect(after.artifacts).toEqual(before.artifacts);
    expect(after.statement).toEqual(before.statement);
    expect(await db.reportChunk.count({ where: { artifact: { reportId: id } } })).toBe(0);
    expect(await db.reportPreview.count({ where: { reportId: id } })).toBe(0);
    expect(await db.reportChunk.count({ where: { artifact: { reportId: fresh } } })).toBeGreaterThan(0);

    const headers = await asUser(org, "auditor");
    for (const format of ["json", "csv", "zip"]) {
      const download = await downloadRoute(
        new Request(`${base}/reports/${id}/download?format=${format}`, { headers }),
        ref(id),
      );
      expect(download.status, format).toBe(410);
      expect(await download.json()).toMatchObject({ error: { code: "gone", details: { status: "purged" } } });
    }
    expect((await previewRoute(new Request(`${base}/reports/${id}/preview`, { headers }), ref(id))).status).toBe(410);
    const statement = await statementRoute(new Request(`${base}/reports/${id}/statement`, { headers }), ref(id));
    expect(statement.status).toBe(200);

    const event = await db.auditEvent.findFirstOrThrow({
      where: { orgId: org.orgId, action: "compliance.report_purged", targetId: id },
      select: { actorType: true, metadata: true },
    });
    expect(event.actorType).toBe("system");
    expect(event.metadata).toMatchObject({
      retentionDays: 365,
      artifacts: expect.arrayContaining([
        { format: "json", byteSize: before.artifacts?.json?.byteSize, sha256: before.artifacts?.json?.sha256 },
      ]),
    });
    // A purged report cannot be held any more.
    expect((await setHold(id, true)).status).toBe(409);
  });

  it("honours a legal hold, whatever the report's age, and purges it once released", async () => {
    const id = await completedReport(800);
    expect((await setHold(id, true)).status).toBe(200);
    expect(await purgeExpiredReports(db, { workerId: "purge-a" })).not.toContain(id);
    expect((await readReport(id)).status).toBe("completed");
    expect(await db.reportChunk.count({ where: { artifact: { reportId: id } } })).toBeGreaterThan(0);
    expect((await setHold(id, false)).status).toBe(200);
    expect(await purgeExpiredReports(db, { workerId: "purge-a" })).toContain(id);
  });

  it("follows the org's retention: a shorter one expires reports sooner", async () => {
    await db.organization.update({ where: { id: org.orgId }, data: { reportRetentionDays: 60 } });
    try {
      const id = await completedReport(90);
      expect(await purgeExpiredReports(db, { workerId: "purge-a" })).toContain(id);
    } finally {
      await db.organization.update({ where: { id: org.orgId }, data: { reportRetentionDays: 365 } });
    }
  });

  it("two purges at once purge each report exactly once", async () => {
    const ids = [await completedReport(500), await completedReport(501), await completedReport(502)];
    const [first, second] = await Promise.all([
      purgeExpiredReports(db, { workerId: "purge-a" }),
      purgeExpiredReports(db, { workerId: "purge-b" }),
    ]);
    const all = [...first, ...second].filter((id) => ids.includes(id));
    expect(all.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await purgeEvents(id)).toBe(1);
  });

  it("skips a report whose purge lease another process holds, until that lease lapses", async () => {
    const id = await completedReport(400);
    const now = new Date();
    await db.report.update({
      where: { id },
      data: { purgeOwner: "purge-elsewhere", purgeExpiresAt: new Date(now.getTime() + 60_000) },
    });
    expect(await purgeExpiredReports(db, { workerId: "purge-a", now })).not.toContain(id);
    expect(await purgeEvents(id)).toBe(0);
    const later = new Date(now.getTime() + 120_000);
    expect(await purgeExpiredReports(db, { workerId: "purge-a", now: later })).toContain(id);
    expect(await purgeEvents(id)).toBe(1);
  });
});
