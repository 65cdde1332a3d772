// The per-org cap on pending reports (REPORT_MAX_PENDING_PER_ORG): one org
// cannot fill the shared queue, and others are not affected by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { db } from "@/lib/db";
import { createTestOrg, sessionCookieFor, type TestOrg } from "@/tests/support/fixtures";
import { createTestAgent } from "@/tests/support/compliance-fixtures";

const base = "http://localhost/api/engine/compliance/reports";
const previousCap = process.env.REPORT_MAX_PENDING_PER_ORG;

let busy: TestOrg;
let quiet: TestOrg;
const agents = new Map<string, string>();
const cookies = new Map<string, string>();

beforeAll(async () => {
  process.env.REPORT_MAX_PENDING_PER_ORG = "2";
  [busy, quiet] = await Promise.all([createTestOrg({ name: "Busy Cap" }), createTestOrg({ name: "Quiet Cap" })]);
  for (const org of [busy, quiet]) {
    agents.set(org.orgId, (await createTestAgent(org.orgId, "Cap agent")).id);
    cookies.set(org.orgId, await sessionCookieFor(org.admin, org.orgId));
  }
});

afterAll(() => {
  if (previousCap === undefined) delete process.env.REPORT_MAX_PENDING_PER_ORG;
  else process.env.REPORT_MAX_PENDING_PER_ORG = previousCap;
});

function queue(org: TestOrg) {
  const request = new Request(`${base}/soc2`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: cookies.get(org.orgId)! },
    body: JSON.stringify({
      orgId: org.orgId,
      dateRange: { from: "2026-01-01", to: "2026-01-31" },
      agentIds: [agents.get(org.orgId)],
    }),
  });
  return postRoute(request, { params: Promise.resolve({ reportRef: "soc2" }) });
}

describe("REPORT_MAX_PENDING_PER_ORG", () => {
  it("refuses one more pending report with 429, Retry-After and the common error body; other orgs still queue", async () => {
    expect((await queue(busy)).status).toBe(202);
    expect((await queue(busy)).status).toBe(202);

    const refused = await queue(busy);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ code: "rate_limited", details: { limit: 2 } });
    expect(await db.report.count({ where: { orgId: busy.orgId } })).toBe(2);

    expect((await queue(quiet)).status).toBe(202);
  });

  it("accepts again once a pending report has finished", async () => {
    const oldest = await db.report.findFirstOrThrow({
      where: { orgId: busy.orgId, status: "pending" },
      select: { id: true },
    });
    await db.report.update({ where: { id: oldest.id }, data: { status: "failed", errorCode: "generation_failed" } });
    expect((await queue(busy)).status).toBe(202);
  });
});
