// Share links (issue 15, part 2) against a real database: creating, listing and
// revoking them (admins and reports:write keys, tenancy, validation), the page
// and downloads they open without an account, expiry on a controlled clock, the
// download cap under concurrency, revocation and report deletion (410), unknown
// tokens (404), the per-IP rate limit, and the audit events of every access.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  GET as listRoute,
  POST as createRoute,
} from "@/app/api/engine/compliance/reports/[reportRef]/share-links/route";
import { DELETE as deleteReportRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { DELETE as revokeRoute } from "@/app/api/engine/compliance/share-links/[linkId]/route";
import { POST as ingestRoute } from "@/app/api/engine/ingest/[kind]/route";
import { GET as pageRoute } from "@/app/share/[token]/route";
import { GET as downloadRoute } from "@/app/share/[token]/download/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { readZipEntries } from "@/lib/compliance/package/read-zip-entries";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { db } from "@/lib/db";
import {
  createdShareLinkResponseSchema,
  shareLinkListResponseSchema,
  sharedReportResponseSchema,
  type CreatedShareLinkResponse,
} from "@/lib/share-links/schemas";
import { fakeDefinitions, readStream, sha256 } from "@/tests/support/compliance-fixtures";
import type { ErrorBody } from "@/tests/support/error-body";
import {
  createTestApiKey,
  sessionCookieFor,
  createTestOrg,
  uniqueSuffix,
  type TestApiKey,
  type TestOrg,
} from "@/tests/support/fixtures";

// Room for every request this file makes from one address; the 429 test lowers it.
process.env.ATTEST_SHARE_LINK_RATE_LIMIT = "1000";
process.env.ATTEST_INGEST_RATE_LIMIT = "1000";

const base = "http://localhost/api/engine/compliance";
const dayMs = 24 * 60 * 60 * 1000;
const userAgent = "AuditorBrowser/1.0 (share-links test)";

let acme: TestOrg;
let globex: TestOrg;
let writer: TestApiKey;
let reader: TestApiKey;
let globexWriter: TestApiKey;

beforeAll(async () => {
  [acme, globex] = await Promise.all([createTestOrg({ name: "Acme Shared" }), createTestOrg({ name: "Globex" })]);
  [writer, reader, globexWriter] = await Promise.all([
    createTestApiKey(acme.orgId, ["reports:read", "reports:write"]),
    createTestApiKey(acme.orgId, ["reports:read"]),
    createTestApiKey(globex.orgId, ["reports:read", "reports:write", "events:write"]),
  ]);
});

afterEach(() => {
  vi.useRealTimers();
  process.env.ATTEST_SHARE_LINK_RATE_LIMIT = "1000";
});

const bearer = (key: TestApiKey) => ({ authorization: `Bearer ${key.key}` });

/** A completed report of `key`'s org with a unique title (the fake definitions, so it is quick). */
async function completedReport(title = `Shared ${uniqueSuffix()}`): Promise<string> {
  const { POST } = await import("@/app/api/engine/compliance/reports/[reportRef]/route");
  const response = await POST(
    new Request(`${base}/reports/soc2`, {
      method: "POST",
      headers: { ...bearer(writer), "content-type": "application/json" },
      body: JSON.stringify({ dateRange: { from: "2026-01-01", to: "2026-01-31" } }),
    }),
    { params: Promise.resolve({ reportRef: "soc2" }) },
  );
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  const done = await processNextReport(db, "share-links-test-worker", { reportId: id, definitions: fakeDefinitions() });
  expect(done?.outcome).toBe("completed");
  await db.report.update({ where: { id }, data: { title } });
  return id;
}

function createLink(reportId: string, body: unknown, headers: Record<string, string> = bearer(writer)) {
  return createRoute(
    new Request(`${base}/reports/${reportId}/share-links`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ reportRef: reportId }) },
  );
}

async function createdLink(
  reportId: string,
  body: unknown = {},
): Promise<CreatedShareLinkResponse & { token: string }> {
  const response = await createLink(reportId, body);
  expect(response.status).toBe(201);
  const link = createdShareLinkResponseSchema.parse(await response.json());
  return { ...link, token: new URL(link.url).pathname.split("/")[2]! };
}

const listLinks = (reportId: string, key: TestApiKey = writer) =>
  listRoute(new Request(`${base}/reports/${reportId}/share-links`, { headers: bearer(key) }), {
    params: Promise.resolve({ reportRef: reportId }),
  });

const revoke = (linkId: string, key: TestApiKey = writer) =>
  revokeRoute(new Request(`${base}/share-links/${linkId}`, { method: "DELETE", headers: bearer(key) }), {
    params: Promise.resolve({ linkId }),
  });

/** A request from an anonymous client at `ip` (the test's own address keeps rate limits apart). */
function anonymous(accept: string, ip = "203.0.113.10"): Record<string, string> {
  return { accept, "user-agent": userAgent, "x-forwarded-for": ip };
}

const openPage = (token: string, accept = "text/html,application/xhtml+xml", ip?: string) =>
  pageRoute(new Request(`http://localhost/share/${token}`, { headers: anonymous(accept, ip) }), {
    params: Promise.resolve({ token }),
  });

const download = (token: string, format: string, accept = "*/*", ip?: string) =>
  downloadRoute(
    new Request(`http://localhost/share/${token}/download?format=${format}`, { headers: anonymous(accept, ip) }),
    { params: Promise.resolve({ token }) },
  );

async function errorOf(response: Response): Promise<ErrorBody["error"] & { details?: { reason?: string } }> {
  return ((await response.json()) as ErrorBody).error as ErrorBody["error"] & { details?: { reason?: string } };
}

const auditEventsOf = (linkId: string) =>
  db.auditEvent
    .findMany({
      where: { orgId: acme.orgId, OR: [{ actorId: linkId }, { action: { startsWith: "share_link." } }] },
      orderBy: { seq: "asc" },
      select: {
        action: true,
        actorType: true,
        actorId: true,
        outcome: true,
        ip: true,
        targetId: true,
        metadata: true,
      },
    })
    .then((events) => events.filter((event) => (event.metadata as { shareLinkId?: string })?.shareLinkId === linkId));

describe("creating, listing and revoking links", () => {
  it("creates a link (201): a 256-bit token in the URL, shown once and stored only as its SHA-256", async () => {
    const reportId = await completedReport();
    const before = Date.now();
    const link = await createdLink(reportId, { label: "For Deloitte", maxDownloads: 5 });
    expect(link).toMatchObject({
      reportId,
      label: "For Deloitte",
      maxDownloads: 5,
      status: "active",
      downloadCount: 0,
    });
    expect(link.url).toMatch(/^http:\/\/localhost\/share\/[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    // Default expiry: 7 days.
    const expires = Date.parse(link.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 7 * dayMs);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7 * dayMs);

    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(link.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(link.token);

    const list = shareLinkListResponseSchema.parse(await (await listLinks(reportId)).json());
    expect(list.shareLinks).toHaveLength(1);
    expect(list.shareLinks[0]).toMatchObject({ id: link.id, label: "For Deloitte", status: "active", viewCount: 0 });
    expect(JSON.stringify(list)).not.toContain(link.token);
    expect(JSON.stringify(list)).not.toContain(row.tokenHash);

    const [created] = await auditEventsOf(link.id);
    expect(created).toMatchObject({ action: "share_link.created", actorType: "api_key", targetId: reportId });
    expect(created?.metadata).toMatchObject({ label: "For Deloitte", maxDownloads: 5, expiresAt: link.expiresAt });
  });

  it("lets an admin session create one too, with the expiry asked for", async () => {
    const reportId = await completedReport();
    const cookie = await sessionCookieFor(acme.admin, acme.orgId);
    const response = await createLink(reportId, { expiresInDays: 30 }, { cookie });
    expect(response.status).toBe(201);
    const link = createdShareLinkResponseSchema.parse(await response.json());
    expect(Date.parse(link.expiresAt) - Date.parse(link.createdAt)).toBe(30 * dayMs);
    expect(link).toMatchObject({
      maxDownloads: null,
      label: null,
      createdBy: { type: "user", label: acme.admin.email },
    });
  });

  it("refuses a cookie-authenticated write from another site (403), as every session write", async () => {
    const reportId = await completedReport();
    const cookie = await sessionCookieFor(acme.admin, acme.orgId);
    const crossSite = await createLink(reportId, {}, { cookie, "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const link = await createdLink(reportId);
    const revokeCrossSite = await revokeRoute(
      new Request(`${base}/share-links/${link.id}`, {
        method: "DELETE",
        headers: { cookie, origin: "https://evil.example" },
      }),
      { params: Promise.resolve({ linkId: link.id }) },
    );
    expect(revokeCrossSite.status).toBe(403);
    expect(await db.shareLink.count({ where: { reportId } })).toBe(1);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).revokedAt).toBeNull();
  });

  it("refuses bad input with 400 naming the field, and writes nothing", async () => {
    const reportId = await completedReport();
    const cases: [unknown, string][] = [
      [{ expiresInDays: 0 }, "expiresInDays"],
      [{ expiresInDays: 31 }, "expiresInDays"],
      [{ expiresInDays: 1.5 }, "expiresInDays"],
      [{ expiresInDays: "7" }, "expiresInDays"],
      [{ maxDownloads: 0 }, "maxDownloads"],
      [{ maxDownloads: 2.5 }, "maxDownloads"],
      [{ label: "x".repeat(101) }, "label"],
      [{ label: 42 }, "label"],
    ];
    for (const [body, field] of cases) {
      const response = await createLink(reportId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("validation_failed");
      expect(Object.keys(error.details?.fields ?? {}), JSON.stringify(body)).toEqual([field]);
    }
    const unknown = await errorOf(await createLink(reportId, { expiresInDay: 3 }));
    expect(JSON.stringify(unknown.details?.fields)).toContain("expiresInDay");
    expect(await db.shareLink.count({ where: { reportId } })).toBe(0);
  });

  it("needs reports:write (403 for auditors and read-only keys) and a completed report of the caller's org", async () => {
    const reportId = await completedReport();
    const auditor = await sessionCookieFor(acme.auditor, acme.orgId);
    expect((await createLink(reportId, {}, { cookie: auditor })).status).toBe(403);
    expect((await createLink(reportId, {}, bearer(reader))).status).toBe(403);
    expect((await listLinks(reportId, reader)).status).toBe(403);
    // Another org's report is as missing as an unknown one.
    expect((await createLink(reportId, {}, bearer(globexWriter))).status).toBe(404);
    expect((await listLinks(reportId, globexWriter)).status).toBe(404);
    expect((await createLink("no-such-report", {})).status).toBe(404);

    const { POST } = await import("@/app/api/engine/compliance/reports/[reportRef]/route");
    const pending = await POST(
      new Request(`${base}/reports/soc2`, {
        method: "POST",
        headers: { ...bearer(writer), "content-type": "application/json" },
        body: JSON.stringify({ dateRange: { from: "2026-02-01", to: "2026-02-28" } }),
      }),
      { params: Promise.resolve({ reportRef: "soc2" }) },
    );
    const pendingId = ((await pending.json()) as { id: string }).id;
    const conflict = await createLink(pendingId, {});
    expect(conflict.status).toBe(409);
    expect((await errorOf(conflict)).message).toMatch(/completed/);
    await db.report.delete({ where: { id: pendingId } });
  });

  it("revokes (204, audited once); another org's link id is 404 and leaves the link working", async () => {
    const reportId = await completedReport();
    const link = await createdLink(reportId, { label: "Revoke me" });
    expect((await revoke(link.id, globexWriter)).status).toBe(404);
    expect((await revoke("no-such-link")).status).toBe(404);
    expect((await openPage(link.token)).status).toBe(200);

    expect((await revoke(link.id)).status).toBe(204);
    expect((await revoke(link.id)).status).toBe(204);
    const revokedEvents = (await auditEventsOf(link.id)).filter((event) => event.action === "share_link.revoked");
    expect(revokedEvents).toHaveLength(1);
    expect(revokedEvents[0]?.metadata).toMatchObject({ reason: "revoked" });

    const page = await openPage(link.token, "application/json");
    expect(page.status).toBe(410);
    expect(await errorOf(page)).toMatchObject({ code: "gone", details: { reason: "revoked" } });
    expect((await download(link.token, "json")).status).toBe(410);
    const [listed] = shareLinkListResponseSchema.parse(await (await listLinks(reportId)).json()).shareLinks;
    expect(listed).toMatchObject({ status: "revoked", revokedReason: "revoked" });
  });
});

describe("the shared page and downloads, without an account", () => {
  it("shows the report's header, scope, files and a verified signature, and nothing of other reports", async () => {
    const other = await completedReport(`Other report ${uniqueSuffix()}`);
    const otherTitle = (await db.report.findUniqueOrThrow({ where: { id: other } })).title;
    const reportId = await completedReport(`Shared <b>&</b> ${uniqueSuffix()}`);
    const { title } = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    const link = await createdLink(reportId, { label: "Auditor" });

    const page = await openPage(link.token);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("cache-control")).toContain("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await page.text();
    // Escaped, never markup.
    expect(html).toContain("Shared &lt;b&gt;&amp;&lt;/b&gt;");
    expect(html).not.toContain("<b>&</b>");
    expect(html).toContain("Acme Shared");
    expect(html).toContain("2026-01-01 – 2026-01-31");
    expect(html).toContain('data-integrity="verified"');
    for (const format of ["json", "csv", "zip"]) {
      expect(html).toContain(`href="/share/${link.token}/download?format=${format}"`);
    }
    // Nothing of the app or other reports: no script, no dashboard, no other title or id.
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("/dashboard");
    expect(html).not.toContain(otherTitle);
    expect(html).not.toContain(other);

    const json = await openPage(link.token, "application/json");
    expect(json.status).toBe(200);
    const view = sharedReportResponseSchema.parse(await json.json());
    const artifacts = await db.reportArtifact.findMany({ where: { reportId }, select: { format: true, sha256: true } });
    expect(view.files.map((file) => [file.format, file.sha256]).sort()).toEqual(
      artifacts.map((artifact) => [artifact.format, artifact.sha256]).sort(),
    );
    expect(view.integrity.status).toBe("verified");
    expect(view.signature?.kid).toEqual(expect.any(String));
    expect(view.report).toMatchObject({ id: reportId, title, organization: "Acme Shared", agents: [] });

    // Two openings: counted and audited, with the address and the browser.
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.viewCount).toBe(2);
    expect(row.lastAccessedAt).not.toBeNull();
    const opened = (await auditEventsOf(link.id)).filter((event) => event.action === "share_link.opened");
    expect(opened).toHaveLength(2);
    expect(opened[0]).toMatchObject({
      actorType: "share_link",
      actorId: link.id,
      ip: "203.0.113.10",
      targetId: reportId,
      metadata: { shareLinkId: link.id, userAgent },
    });
  });

  it("downloads the stored JSON and CSV and the evidence package, each counted and audited with its format", async () => {
    const reportId = await completedReport();
    const link = await createdLink(reportId);
    for (const format of ["json", "csv"] as const) {
      const response = await download(link.token, format, "*/*", "198.51.100.20");
      expect(response.status, format).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
      const bytes = await readStream(response.body);
      const stored = await db.reportArtifact.findFirstOrThrow({ where: { reportId, format } });
      expect(sha256(bytes)).toBe(stored.sha256);
      expect(response.headers.get("x-content-sha256")).toBe(stored.sha256);
    }
    const zip = await download(link.token, "zip");
    expect(zip.status).toBe(200);
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "attest-share-")), "package.zip");
    fs.writeFileSync(file, await readStream(zip.body));
    const entries = await readZipEntries(file);
    expect(entries.names).toEqual(expect.arrayContaining(["README.txt", "report.json", "SHA256SUMS"]));
    entries.close();
    fs.rmSync(path.dirname(file), { recursive: true });

    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).downloadCount).toBe(3);
    const downloads = (await auditEventsOf(link.id)).filter((event) => event.action === "compliance.report_downloaded");
    expect(downloads.map((event) => (event.metadata as { format: string }).format)).toEqual(["json", "csv", "zip"]);
    expect(downloads[0]).toMatchObject({
      actorType: "share_link",
      actorId: link.id,
      ip: "198.51.100.20",
      targetId: reportId,
      metadata: { via: "share_link", shareLinkId: link.id, userAgent },
    });

    const bad = await download(link.token, "xlsx");
    expect(bad.status).toBe(400);
    expect(Object.keys((await errorOf(bad)).details?.fields ?? {})).toEqual(["format"]);
  });

  it("answers an unknown or malformed token 404, as JSON for programs and a plain page for browsers", async () => {
    const unknownToken = Buffer.alloc(32, 7).toString("base64url");
    for (const token of [unknownToken, "short", "../../etc"]) {
      const json = await openPage(token, "application/json");
      expect(json.status, token).toBe(404);
      expect((await errorOf(json)).code).toBe("not_found");
      expect((await download(token, "json")).status).toBe(404);
    }
    const html = await openPage(unknownToken);
    expect(html.status).toBe(404);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("Share link not found");
  });

  it("a link reads only its own report, whatever id a caller of the download code names", async () => {
    const mine = await completedReport();
    const other = await completedReport();
    const link = await createdLink(mine);
    const readerOfLink = {
      kind: "share_link" as const,
      shareLinkId: link.id,
      orgId: acme.orgId,
      reportId: mine,
      label: "Share link",
      userAgent: null,
    };
    const error = await getReportDownload({ identity: readerOfLink }, other, { format: "json", bom: false }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: "not_found" });
  });
});

describe("when a link stops working (410)", () => {
  it("expires at its expiry, on the clock the server reads", async () => {
    const reportId = await completedReport();
    const link = await createdLink(reportId, { expiresInDays: 2 });
    const expiresAt = Date.parse(link.expiresAt);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(expiresAt - 60_000);
    expect((await openPage(link.token, "application/json")).status).toBe(200);
    expect((await download(link.token, "json")).status).toBe(200);

    vi.setSystemTime(expiresAt + 1);
    const page = await openPage(link.token, "application/json");
    expect(page.status).toBe(410);
    expect(await errorOf(page)).toMatchObject({ code: "gone", details: { reason: "expired" } });
    const html = await openPage(link.token);
    expect(html.status).toBe(410);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("This share link has expired");
    expect((await download(link.token, "csv")).status).toBe(410);
    const [listed] = shareLinkListResponseSchema.parse(await (await listLinks(reportId)).json()).shareLinks;
    expect(listed?.status).toBe("expired");
    vi.useRealTimers();

    const refused = (await auditEventsOf(link.id)).filter((event) => event.action === "share_link.access_refused");
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ outcome: "denied", metadata: { reason: "expired", page: true } });
    expect(refused[2]).toMatchObject({ metadata: { reason: "expired", format: "csv" } });
  });

  it("allows exactly its cap of downloads, then answers 410 to downloads and the page", async () => {
    const reportId = await completedReport();
    const link = await createdLink(reportId, { maxDownloads: 2 });
    expect((await download(link.token, "json")).status).toBe(200);
    expect((await download(link.token, "csv")).status).toBe(200);
    const third = await download(link.token, "json", "application/json");
    expect(third.status).toBe(410);
    expect(await errorOf(third)).toMatchObject({ code: "gone", details: { reason: "exhausted" } });
    const browser = await download(link.token, "json", "text/html");
    expect(browser.status).toBe(410);
    expect(await browser.text()).toContain("used for as many downloads as it allows");
    expect((await openPage(link.token, "application/json")).status).toBe(410);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).downloadCount).toBe(2);
  });

  it("lets exactly N of many concurrent downloads through a cap of N", async () => {
    const reportId = await completedReport();
    const link = await createdLink(reportId, { maxDownloads: 3 });
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => download(link.token, index % 2 ? "csv" : "json")),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 200, 410, 410, 410, 410, 410]);
    await Promise.all(responses.map((response) => readStream(response.body)));
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).downloadCount).toBe(3);
    const audited = (await auditEventsOf(link.id)).filter((event) => event.action === "compliance.report_downloaded");
    expect(audited).toHaveLength(3);
  });

  it("revokes a report's links when the report is deleted, in the same transaction", async () => {
    const reportId = await completedReport();
    const [first, second] = [await createdLink(reportId), await createdLink(reportId, { label: "Second" })];
    const response = await deleteReportRoute(
      new Request(`${base}/reports/${reportId}`, { method: "DELETE", headers: bearer(writer) }),
      { params: Promise.resolve({ reportRef: reportId }) },
    );
    expect(response.status).toBe(204);
    const rows = await db.shareLink.findMany({ where: { reportId }, select: { revokedAt: true, revokedReason: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ revokedAt: expect.any(Date), revokedReason: "report_deleted" });

    for (const link of [first, second]) {
      const page = await openPage(link.token, "application/json");
      expect(page.status).toBe(410);
      expect(await errorOf(page)).toMatchObject({ details: { reason: "report_deleted" } });
      const revoked = (await auditEventsOf(link.id)).filter((event) => event.action === "share_link.revoked");
      expect(revoked).toHaveLength(1);
      expect(revoked[0]?.metadata).toMatchObject({ reason: "report_deleted" });
    }
    // The deletion and the revocations are one transaction: consecutive in the chain.
    const chain = await db.auditEvent.findMany({
      where: {
        orgId: acme.orgId,
        targetId: reportId,
        action: { in: ["share_link.revoked", "compliance.report_deleted"] },
      },
      orderBy: { seq: "asc" },
      select: { seq: true, action: true },
    });
    expect(chain.map((event) => event.action)).toEqual([
      "share_link.revoked",
      "share_link.revoked",
      "compliance.report_deleted",
    ]);
    expect(chain[2]!.seq - chain[0]!.seq).toBe(2);
  });
});

describe("rate limit and reserved actions", () => {
  it("limits requests per IP, known tokens or not (429 with Retry-After), and other addresses are unaffected", async () => {
    process.env.ATTEST_SHARE_LINK_RATE_LIMIT = "3";
    const reportId = await completedReport();
    const link = await createdLink(reportId);
    const ip = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    const unknown = Buffer.alloc(32, 9).toString("base64url");
    expect((await openPage(unknown, "application/json", ip)).status).toBe(404);
    expect((await openPage(link.token, "application/json", ip)).status).toBe(200);
    expect((await download(link.token, "json", "*/*", ip)).status).toBe(200);
    const limited = await openPage(link.token, "application/json", ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(limited)).code).toBe("rate_limited");
    const limitedPage = await openPage(unknown, "text/html", ip);
    expect(limitedPage.status).toBe(429);
    expect(await limitedPage.text()).toContain("Too many requests");
    expect((await openPage(link.token, "application/json", "192.0.2.250")).status).toBe(200);
  });

  it("ingest cannot write share-link actions (400 naming the field)", async () => {
    const records = ["share_link.opened", "share_link.created", "share_link.access_refused"].map((action) => ({
      occurredAt: "2026-01-31T09:30:00Z",
      actorType: "user",
      actorId: "someone",
      actorLabel: "Someone",
      action,
      category: "compliance",
      targetType: "report",
      targetId: "r1",
      outcome: "success",
      metadata: {},
    }));
    const response = await ingestRoute(
      new Request("http://localhost/api/engine/ingest/audit-events", {
        method: "POST",
        headers: { ...bearer(globexWriter), "content-type": "application/json" },
        body: JSON.stringify({ records }),
      }),
      { params: Promise.resolve({ kind: "audit-events" }) },
    );
    expect(response.status).toBe(400);
    const fields = (await errorOf(response)).details?.fields ?? {};
    expect(Object.keys(fields).sort()).toEqual(["records.0.action", "records.1.action", "records.2.action"]);
    expect(fields["records.0.action"]?.[0]).toBe(
      "`share_link.` actions are written by Attest itself and cannot be ingested",
    );
  });
});
