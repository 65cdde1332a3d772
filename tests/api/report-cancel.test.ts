// POST /reports/:id/cancel: a pending report becomes "cancelled", its partial
// files go, the cancellation is audited, and a worker generating it stops
// without completing it. Anything but a pending report is 409.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/engine/compliance/reports/[reportRef]/cancel/route";
import { POST as postRoute, GET as getRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { db } from "@/lib/db";
import { fakeDefinitions } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance";
const ref = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });

let org: TestOrg;
let writer: TestApiKey;
let reader: TestApiKey;

beforeAll(async () => {
  org = await createTestOrg();
  writer = await createTestApiKey(org.orgId, ["reports:read", "reports:write"]);
  reader = await createTestApiKey(org.orgId, ["reports:read"]);
});

const auth = (key: TestApiKey) => ({ authorization: `Bearer ${key.key}` });

async function queue(): Promise<string> {
  const response = await postRoute(
    new Request(`${base}/reports/soc2`, {
      method: "POST",
      headers: { ...auth(writer), "content-type": "application/json" },
      body: JSON.stringify({ dateRange: { from: "2026-01-01", to: "2026-01-31" } }),
    }),
    ref("soc2"),
  );
  return ((await response.json()) as { id: string }).id;
}

const cancel = (id: string, key: TestApiKey = writer) =>
  cancelRoute(new Request(`${base}/reports/${id}/cancel`, { method: "POST", headers: auth(key) }), ref(id));

describe("cancelling a report", () => {
  it("cancels a pending report, audits it, and answers 409 once it is no longer pending", async () => {
    const id = await queue();
    const response = await cancel(id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, status: "cancelled" });
    expect(
      await db.auditEvent.count({ where: { orgId: org.orgId, action: "compliance.report_cancelled", targetId: id } }),
    ).toBe(1);
    const again = await cancel(id);
    expect(again.status).toBe(409);
    const read = await getRoute(new Request(`${base}/reports/${id}`, { headers: auth(reader) }), ref(id));
    expect(await read.json()).toMatchObject({ status: "cancelled" });
  });

  it("stops a worker mid-generation: its files are gone and the report stays cancelled", async () => {
    const id = await queue();
    const result = await processNextReport(db, "cancel-test-worker", {
      reportId: id,
      definitions: fakeDefinitions({
        rows: 200,
        // Cancelled after the first table is written, before the report completes.
        onBuild: async () => {
          expect((await cancel(id)).status).toBe(200);
        },
      }),
    });
    expect(result?.outcome).toBe("lease_lost");
    const report = await db.report.findUniqueOrThrow({ where: { id }, select: { status: true } });
    expect(report.status).toBe("cancelled");
    expect(await db.reportArtifact.count({ where: { reportId: id } })).toBe(0);
    expect(await db.reportStatement.count({ where: { reportId: id } })).toBe(0);
  });

  it("answers 409 for a completed report, 404 for another org's, 403 without reports:write", async () => {
    const id = await queue();
    const done = await processNextReport(db, "cancel-test-worker", { reportId: id, definitions: fakeDefinitions() });
    expect(done?.outcome).toBe("completed");
    expect((await cancel(id)).status).toBe(409);

    const other = await createTestOrg();
    const otherKey = await createTestApiKey(other.orgId, ["reports:write"]);
    const pending = await queue();
    expect((await cancel(pending, otherKey)).status).toBe(404);
    expect((await cancel(pending, reader)).status).toBe(403);
    expect((await cancel("no-such-report")).status).toBe(404);
  });
});
