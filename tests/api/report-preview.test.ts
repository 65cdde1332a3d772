// The viewer's preview: stored when a report completes, served from the
// database without reading the report's artifacts (a report viewed must not
// hold a connection for the length of its file), audited like a download.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as previewRoute } from "@/app/api/engine/compliance/reports/[reportRef]/preview/route";
import { GET as downloadRoute } from "@/app/api/engine/compliance/reports/[reportRef]/download/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import type { ReportPreview } from "@/lib/compliance/preview/report-preview";
import { createReport } from "@/lib/compliance/requests/create-report";
import { deleteReport } from "@/lib/compliance/requests/delete-report";
import { db } from "@/lib/db";
import { fakeDefinitions, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance/reports";
const refParams = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });
const rows = 250;

let org: TestOrg;
let other: TestOrg;
let cookie: string;

beforeAll(async () => {
  [org, other] = await Promise.all([createTestOrg(), createTestOrg()]);
  cookie = await sessionCookieFor(org.auditor, org.orgId);
});

async function queued(): Promise<string> {
  const { report } = await createReport({ identity: sessionIdentity(org) }, "soc2", {
    dateRange: { from: "2026-01-01", to: "2026-01-31" },
  });
  return report.id;
}

async function completed(): Promise<string> {
  const id = await queued();
  const result = await processNextReport(db, "preview-test", { definitions: fakeDefinitions({ rows }), reportId: id });
  expect(result?.outcome).toBe("completed");
  return id;
}

async function preview(id: string, headers: Record<string, string> = { cookie }) {
  return previewRoute(new Request(`${base}/${id}/preview`, { headers }), refParams(id));
}

async function storedJson(id: string) {
  const response = await downloadRoute(
    new Request(`${base}/${id}/download?format=json`, { headers: { cookie } }),
    refParams(id),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as {
    manifest: unknown;
    report: unknown;
    sections: Record<string, { summary: unknown; tables: Record<string, unknown[]> }>;
  };
}

const jsonChunks = (id: string) => ({ artifact: { reportId: id, format: "json" } });

describe("GET /reports/:id/preview", () => {
  it("answers the preview stored at generation: every table's row count, its first rows, the summaries and manifest", async () => {
    const id = await completed();
    const full = await storedJson(id);
    const stored = await db.reportPreview.findUniqueOrThrow({ where: { reportId: id }, select: { attempt: true } });
    expect(stored.attempt).toBe(1);

    const response = await preview(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as ReportPreview;
    expect(body.rowCounts).toEqual({
      events: { all: rows, hostile: full.sections.events!.tables.hostile!.length },
      empty: { none: 0 },
    });
    expect(body.rowsPerTable).toBe(100);
    expect(body.document.sections.events!.tables.all).toEqual(full.sections.events!.tables.all!.slice(0, 100));
    expect(body.document.sections.events!.summary).toEqual(full.sections.events!.summary);
    expect(body.document.manifest).toEqual(full.manifest);
    expect(body.document.report).toEqual(full.report);
  });

  it("never reads the artifacts: it answers the same with the JSON's chunks gone", async () => {
    const id = await completed();
    const before = await (await preview(id)).text();
    await db.reportChunk.deleteMany({ where: jsonChunks(id) });
    const response = await preview(id);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(before);
  });

  it("reads a report completed before previews were stored from its JSON once, and keeps the result", async () => {
    const id = await completed();
    const expected = await (await preview(id)).json();
    await db.reportPreview.delete({ where: { reportId: id } });

    const response = await preview(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected);
    expect(await db.reportPreview.count({ where: { reportId: id } })).toBe(1);
    await db.reportChunk.deleteMany({ where: jsonChunks(id) });
    expect((await preview(id)).status).toBe(200);
  });

  it("records each view as an audit event of the viewer", async () => {
    const id = await completed();
    await preview(id);
    const key = await createTestApiKey(org.orgId, ["reports:read"]);
    expect((await preview(id, { authorization: `Bearer ${key.key}` })).status).toBe(200);
    const events = await db.auditEvent.findMany({
      where: { orgId: org.orgId, action: "compliance.report_viewed", targetId: id },
      select: { actorId: true, metadata: true },
      orderBy: { seq: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]!.actorId).toBe(org.auditor.id);
    expect(events.map((event) => event.metadata)).toEqual([{ via: "session" }, { via: "api_key" }]);
  });

  it("is 404 for another org's or a deleted report, 409 while pending, 401 without credentials", async () => {
    const id = await completed();
    const otherCookie = await sessionCookieFor(other.admin, other.orgId);
    expect((await preview(id, { cookie: otherCookie })).status).toBe(404);
    expect((await preview(id, {})).status).toBe(401);
    const pending = await queued();
    expect((await preview(pending)).status).toBe(409);
    await deleteReport({ identity: sessionIdentity(org) }, id);
    expect((await preview(id)).status).toBe(404);
    expect(await db.reportPreview.count({ where: { reportId: id } })).toBe(0);
  });
});
