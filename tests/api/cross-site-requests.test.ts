// Cookie-authenticated writes must come from Attest's own pages (Origin or
// Sec-Fetch-Site), and JSON bodies must say they are JSON (415 otherwise): an
// HTML form on another site can send the session cookie with a form or text
// body, never an application/json one. API keys skip the origin check only.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { DELETE as revokeKey } from "@/app/api/api-keys/[id]/route";
import { POST as createKey } from "@/app/api/api-keys/route";
import { POST as postReport } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { POST as ingest } from "@/app/api/engine/ingest/[kind]/route";
import { db } from "@/lib/db";
import type { ErrorBody } from "@/tests/support/error-body";
import {
  createTestApiKey,
  createTestOrg,
  sessionCookieFor,
  type TestApiKey,
  type TestOrg,
} from "@/tests/support/fixtures";

const reportsBase = "http://localhost/api/engine/compliance/reports";
const range = { dateRange: { from: "2026-01-01", to: "2026-01-31" } };
const json = { "content-type": "application/json" };

let acme: TestOrg;
let cookie: string;
let writeKey: TestApiKey;

beforeAll(async () => {
  acme = await createTestOrg({ name: "Acme Origins" });
  cookie = await sessionCookieFor(acme.admin, acme.orgId);
  writeKey = await createTestApiKey(acme.orgId, ["reports:write", "events:write"]);
});

function queueReport(headers: Record<string, string>, body: string = JSON.stringify(range)) {
  return postReport(new Request(`${reportsBase}/soc2`, { method: "POST", headers, body }), {
    params: Promise.resolve({ reportRef: "soc2" }),
  });
}

const reportCount = () => db.report.count({ where: { orgId: acme.orgId } });

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
}

describe("cookie-authenticated writes from another site", () => {
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["an Origin on another port", { origin: "http://localhost:4000" }],
    ["an opaque Origin", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    [
      "Sec-Fetch-Site: cross-site beside our own Origin",
      { "sec-fetch-site": "cross-site", origin: "http://localhost" },
    ],
  ])("are refused with 403 and nothing is created: %s", async (_label, headers) => {
    const before = await reportCount();
    await expectError(await queueReport({ cookie, ...json, ...headers }), 403, "forbidden");
    expect(await reportCount()).toBe(before);
  });

  it("refuse a cross-site DELETE too (revoking an API key)", async () => {
    const key = await createTestApiKey(acme.orgId, ["reports:read"]);
    const response = await revokeKey(
      new Request(`http://localhost/api/api-keys/${key.id}`, {
        method: "DELETE",
        headers: { cookie, origin: "https://evil.example" },
      }),
      { params: Promise.resolve({ id: key.id }) },
    );
    await expectError(response, 403, "forbidden");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
  });

  it.each([
    ["our Origin", { origin: "http://localhost" }],
    ["Sec-Fetch-Site: same-origin", { "sec-fetch-site": "same-origin", origin: "http://localhost" }],
    ["Sec-Fetch-Site: none (typed by the user)", { "sec-fetch-site": "none" }],
    ["neither header (a program, not a browser)", {}],
  ])("are accepted from %s", async (_label, headers) => {
    expect((await queueReport({ cookie, ...json, ...headers })).status).toBe(202);
  });

  it("do not matter for reads", async () => {
    const { GET } = await import("@/app/api/engine/compliance/reports/route");
    const response = await GET(
      new Request(reportsBase, { headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
  });
});

describe("API-key writes", () => {
  it("are not origin-checked (a browser never attaches a key by itself)", async () => {
    const response = await queueReport({
      authorization: `Bearer ${writeKey.key}`,
      ...json,
      origin: "https://elsewhere.example",
      "sec-fetch-site": "cross-site",
    });
    expect(response.status).toBe(202);
  });
});

describe("JSON bodies", () => {
  it.each([
    ["text/plain (a form's enctype)", "text/plain"],
    ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded"],
    ["multipart/form-data", "multipart/form-data; boundary=x"],
    ["no Content-Type", null],
  ])("sent as %s answer 415 for a session", async (_label, type) => {
    const before = await reportCount();
    const headers: Record<string, string> = { cookie, origin: "http://localhost" };
    const request = new Request(`${reportsBase}/soc2`, { method: "POST", headers, body: JSON.stringify(range) });
    // A string body makes fetch's Request default to text/plain; take the header off for "none".
    if (type === null) request.headers.delete("content-type");
    else request.headers.set("content-type", type);
    await expectError(
      await postReport(request, { params: Promise.resolve({ reportRef: "soc2" }) }),
      415,
      "unsupported_media_type",
    );
    expect(await reportCount()).toBe(before);
  });

  it("answer 415 for an API key too", async () => {
    await expectError(
      await queueReport({ authorization: `Bearer ${writeKey.key}`, "content-type": "text/plain" }),
      415,
      "unsupported_media_type",
    );
    const response = await ingest(
      new Request("http://localhost/api/engine/ingest/audit-events", {
        method: "POST",
        headers: { authorization: `Bearer ${writeKey.key}`, "content-type": "application/x-www-form-urlencoded" },
        body: "records=1",
      }),
      { params: Promise.resolve({ kind: "audit-events" }) },
    );
    await expectError(response, 415, "unsupported_media_type");
  });

  it("are accepted with a charset parameter, and an empty body needs no type", async () => {
    expect((await queueReport({ cookie, "content-type": "Application/JSON; charset=utf-8" })).status).toBe(202);
    const response = await createKey(
      new Request("http://localhost/api/api-keys", { method: "POST", headers: { cookie, ...json }, body: "{}" }),
      { params: Promise.resolve({}) },
    );
    // Reaches validation (a name is required): the type was accepted.
    await expectError(response, 400, "validation_failed");
  });
});

describe("next-auth's own routes", () => {
  const authRequest = (path: string, headers: Record<string, string>) =>
    authPost(
      new Request(`http://localhost/api/auth/${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams({ email: acme.admin.email, password: "x", csrfToken: "t" }).toString(),
      }),
      { params: Promise.resolve({ nextauth: path.split("/") }) },
    );

  it("refuse a sign-in or sign-out posted from another site", async () => {
    await expectError(await authRequest("callback/credentials", { origin: "https://evil.example" }), 403, "forbidden");
    await expectError(await authRequest("signout", { "sec-fetch-site": "cross-site", cookie }), 403, "forbidden");
  });

  // Same-origin sign-ins still reach next-auth: e2e/sign-in.spec.ts signs in through the real form.
});
