// POST /reports/{type} with an Idempotency-Key: a retry (same key, same body,
// same caller, within 24 hours) answers the report the first request queued,
// even when both arrive at once; the same key with another body is a 422.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as postRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { db } from "@/lib/db";
import { createTestApiKey, createTestOrg, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance";
const ref = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });
const october = { dateRange: { from: "2026-10-01", to: "2026-10-31" } };

let org: TestOrg;
let key: TestApiKey;

beforeEach(async () => {
  org = await createTestOrg();
  key = await createTestApiKey(org.orgId, ["reports:read", "reports:write"]);
});

function post(body: unknown, requestKey?: string, apiKey: TestApiKey = key, type = "soc2") {
  const headers: Record<string, string> = { authorization: `Bearer ${apiKey.key}`, "content-type": "application/json" };
  if (requestKey !== undefined) headers["idempotency-key"] = requestKey;
  return postRoute(
    new Request(`${base}/reports/${type}`, { method: "POST", headers, body: JSON.stringify(body) }),
    ref(type),
  );
}

const reportsOf = (orgId: string) => db.report.count({ where: { orgId } });
const requestedEvents = (orgId: string) =>
  db.auditEvent.count({ where: { orgId, action: "compliance.report_requested" } });

describe("Idempotency-Key", () => {
  it("answers a retry with the report the first request queued, and queues nothing more", async () => {
    const first = await post(october, "retry-1");
    const second = await post(october, "retry-1");
    expect([first.status, second.status]).toEqual([202, 202]);
    const [a, b] = [await first.json(), await second.json()];
    expect(b.id).toBe(a.id);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await reportsOf(org.orgId)).toBe(1);
    expect(await requestedEvents(org.orgId)).toBe(1);
  });

  it("creates one report when two requests with one key arrive at once", async () => {
    const answers = await Promise.all([post(october, "race"), post(october, "race"), post(october, "race")]);
    const ids = await Promise.all(answers.map(async (answer) => ((await answer.json()) as { id: string }).id));
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
    expect(new Set(ids).size).toBe(1);
    expect(await reportsOf(org.orgId)).toBe(1);
  });

  it("refuses the same key with another body or type (422 naming the header)", async () => {
    await post(october, "bound");
    const otherBody = await post({ dateRange: { from: "2026-09-01", to: "2026-09-30" } }, "bound");
    expect(otherBody.status).toBe(422);
    expect((await otherBody.json()).error.details.fields).toHaveProperty("Idempotency-Key");
    const otherType = await post(october, "bound", key, "audit");
    expect(otherType.status).toBe(422);
    expect(await reportsOf(org.orgId)).toBe(1);
  });

  it("keeps keys apart per caller, and frees a key after 24 hours", async () => {
    const otherKey = await createTestApiKey(org.orgId, ["reports:write"]);
    const mine = await (await post(october, "shared")).json();
    const theirs = await (await post(october, "shared", otherKey)).json();
    expect(theirs.id).not.toBe(mine.id);

    await db.reportRequestKey.updateMany({
      where: { orgId: org.orgId, key: "shared" },
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    const later = await post(october, "shared");
    expect(later.headers.get("idempotent-replayed")).toBeNull();
    expect((await later.json()).id).not.toBe(mine.id);
    expect(await reportsOf(org.orgId)).toBe(3);
  });

  it.each([["a".repeat(256)], [""], ["naïve"], ["has space"]])("refuses the key %j with 400 naming it", async (bad) => {
    const response = await post(october, bad);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details.fields).toHaveProperty("Idempotency-Key");
    expect(await reportsOf(org.orgId)).toBe(0);
  });

  it("queues a new report for every request without a key, as before", async () => {
    await post(october);
    await post(october);
    expect(await reportsOf(org.orgId)).toBe(2);
  });
});
