// Every completed report is signed: its statement names the stored files'
// SHA-256 and the org's previous statement, verifies against the public JWKS,
// and outlives the report. A file changed by one byte no longer matches.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { GET as keysRoute } from "@/app/api/engine/compliance/keys/route";
import {
  POST as postRoute,
  GET as getRoute,
  DELETE as deleteRoute,
} from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { GET as downloadRoute } from "@/app/api/engine/compliance/reports/[reportRef]/download/route";
import { GET as statementRoute } from "@/app/api/engine/compliance/reports/[reportRef]/statement/route";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { createDatabaseClient, db } from "@/lib/db";
import { readPublishedKeys } from "@/lib/signing/parse-retired-signing-keys";
import { statementDigest } from "@/lib/signing/sign-report-statement";
import { verifyReportStatement } from "@/lib/signing/verify-report-statement";
import { fakeDefinitions } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance";
const range = { dateRange: { from: "2026-01-01", to: "2026-01-31" } };
const ref = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });

let acme: TestOrg;
let globex: TestOrg;
let acmeKey: TestApiKey;
let globexKey: TestApiKey;

beforeAll(async () => {
  [acme, globex] = await Promise.all([
    createTestOrg({ name: "Acme Signed" }),
    createTestOrg({ name: "Globex Signed" }),
  ]);
  acmeKey = await createTestApiKey(acme.orgId, ["reports:read", "reports:write"]);
  globexKey = await createTestApiKey(globex.orgId, ["reports:read", "reports:write"]);
});

const auth = (key: TestApiKey) => ({ authorization: `Bearer ${key.key}` });

async function queueReport(key: TestApiKey): Promise<string> {
  const response = await postRoute(
    new Request(`${base}/reports/soc2`, {
      method: "POST",
      headers: { ...auth(key), "content-type": "application/json" },
      body: JSON.stringify(range),
    }),
    ref("soc2"),
  );
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function completedReport(key: TestApiKey): Promise<string> {
  const id = await queueReport(key);
  const result = await processNextReport(db, "statement-test-worker", {
    definitions: fakeDefinitions({ rows: 5 }),
    reportId: id,
  });
  expect(result?.outcome).toBe("completed");
  return id;
}

async function statementOf(key: TestApiKey, id: string) {
  return statementRoute(new Request(`${base}/reports/${id}/statement`, { headers: auth(key) }), ref(id));
}

async function publishedKeys() {
  const response = await keysRoute(new Request(`${base}/keys`), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  return readPublishedKeys(await response.json(), { source: "GET /keys", requireRetired: false });
}

async function downloaded(id: string, format: "json" | "csv"): Promise<Buffer> {
  const response = await downloadRoute(
    new Request(`${base}/reports/${id}/download?format=${format}`, { headers: auth(acmeKey) }),
    ref(id),
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("signed report statements", () => {
  it("signs a completed report over both stored files, verifiable with the public keys", async () => {
    const id = await completedReport(acmeKey);
    const response = await statementOf(acmeKey, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/jose");
    const jws = await response.text();

    const verified = await verifyReportStatement(jws, await publishedKeys());
    expect(verified.valid).toBe(true);
    if (!verified.valid) return;
    const { statement } = verified;
    expect(statement).toMatchObject({ reportId: id, org: { id: acme.orgId, name: "Acme Signed" }, reportType: "soc2" });
    for (const format of ["json", "csv"] as const) {
      const bytes = await downloaded(id, format);
      const digest = createHash("sha256").update(bytes).digest("hex");
      expect(statement.artifacts).toContainEqual({ format, byteSize: bytes.byteLength, sha256: digest });
      const altered = Buffer.from(bytes);
      altered[0] = altered[0]! ^ 0x01;
      const alteredDigest = createHash("sha256").update(altered).digest("hex");
      expect(statement.artifacts.some((artifact) => artifact.sha256 === alteredDigest)).toBe(false);
    }

    const report = await (
      await getRoute(new Request(`${base}/reports/${id}`, { headers: auth(acmeKey) }), ref(id))
    ).json();
    expect(report.statement).toEqual({
      kid: verified.key.kid,
      signedAt: statement.signedAt,
      sha256: statementDigest(jws),
    });
    expect(report.statement.signedAt).toBe(report.completedAt);
  });

  it("records the audit chain's head as the report left it, which the completion event then follows", async () => {
    const id = await completedReport(acmeKey);
    const verified = await verifyReportStatement(await (await statementOf(acmeKey, id)).text(), await publishedKeys());
    if (!verified.valid) throw new Error(verified.reason);
    const head = verified.statement.auditChainHead;
    expect(head).not.toBeNull();
    const checkpoint = await db.auditEvent.findUniqueOrThrow({
      where: { orgId_seq: { orgId: acme.orgId, seq: head!.seq } },
    });
    expect(checkpoint.hash).toBe(head!.hash);
    const completion = await db.auditEvent.findUniqueOrThrow({
      where: { orgId_seq: { orgId: acme.orgId, seq: head!.seq + 1 } },
    });
    expect(completion).toMatchObject({ action: "compliance.report_completed", targetId: id, prevHash: head!.hash });
  });

  it("chains an org's statements, each naming the previous one, and keeps them after a report is deleted", async () => {
    const first = await completedReport(globexKey);
    const second = await completedReport(globexKey);
    const firstJws = await (await statementOf(globexKey, first)).text();
    const secondJws = await (await statementOf(globexKey, second)).text();
    const keys = await publishedKeys();
    const older = await verifyReportStatement(firstJws, keys);
    const newer = await verifyReportStatement(secondJws, keys);
    if (!older.valid || !newer.valid) throw new Error("statements must verify");
    expect(newer.statement.previousStatement).toEqual({ reportId: first, sha256: statementDigest(firstJws) });

    const deleted = await deleteRoute(
      new Request(`${base}/reports/${first}`, { method: "DELETE", headers: auth(globexKey) }),
      ref(first),
    );
    expect(deleted.status).toBe(204);
    expect(await (await statementOf(globexKey, first)).text()).toBe(firstJws);
  });

  // PostgreSQL only: several report workers in one thread cannot share a SQLite
  // file (better-sqlite3 blocks the thread while it waits for the write lock,
  // so the holder never gets to finish); in the server each worker has a thread.
  it.skipIf(inject("databaseProvider") !== "postgresql")(
    "appends one unbroken chain when several workers complete an org's reports at once",
    async () => {
      const org = await createTestOrg({ name: "Busy Signed" });
      const key = await createTestApiKey(org.orgId, ["reports:read", "reports:write"]);
      const ids: string[] = [];
      for (let i = 0; i < 4; i += 1) ids.push(await queueReport(key));
      // One connection per worker, as each report worker thread has its own.
      const clients = ids.map(() => createDatabaseClient(process.env.DATABASE_URL));
      const outcomes = await Promise.all(
        ids.map((reportId, index) =>
          processNextReport(clients[index]!, `parallel-worker-${index}`, {
            definitions: fakeDefinitions({ rows: 50 }),
            reportId,
          }),
        ),
      ).finally(() => Promise.all(clients.map((client) => client.$disconnect())));
      expect(outcomes.map((outcome) => outcome?.outcome)).toEqual(["completed", "completed", "completed", "completed"]);

      const chain = await db.reportStatement.findMany({
        where: { orgId: org.orgId },
        orderBy: { seq: "asc" },
        select: { seq: true, reportId: true, jws: true, sha256: true },
      });
      expect(chain.map((row) => row.seq)).toEqual([1, 2, 3, 4]);
      const keys = await publishedKeys();
      let previous: { reportId: string; sha256: string } | null = null;
      for (const row of chain) {
        const verified = await verifyReportStatement(row.jws, keys);
        if (!verified.valid) throw new Error(verified.reason);
        expect(verified.statement.previousStatement).toEqual(previous);
        previous = { reportId: row.reportId, sha256: row.sha256 };
      }
    },
  );

  it("answers 404 for another org's statement, and GET /keys needs no sign-in", async () => {
    const id = await completedReport(acmeKey);
    expect((await statementOf(globexKey, id)).status).toBe(404);
    expect((await statementOf(acmeKey, "no-such-report")).status).toBe(404);
    const response = await keysRoute(new Request(`${base}/keys`), { params: Promise.resolve({}) });
    const jwks = (await response.json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "valid_from", "valid_until", "x"]);
    }
  });
});
