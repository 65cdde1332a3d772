// Two downloads read by slow clients must not starve a third (PostgreSQL, where
// a download streams its stored chunks over a connection of the raw pool and
// holds it until its client has read every byte): the pool
// (DATABASE_POOL_SIZE) has room beside them, so the third completes whole.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createReport } from "@/lib/compliance/requests/create-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { db } from "@/lib/db";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";
import { fakeDefinitions, readStream, sessionIdentity, sha256 } from "@/tests/support/compliance-fixtures";

const isPostgres = inject("databaseProvider") === "postgresql";
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg({ name: "Starvation Org" });
});

async function startDownload(reportId: string) {
  return getReportDownload({ identity: sessionIdentity(org, "auditor") }, reportId, { format: "json", bom: false });
}

describe.runIf(isPostgres)("downloads on PostgreSQL", () => {
  it("completes a third download while two slow clients hold theirs open", { timeout: 120_000 }, async () => {
    const { report: queued } = await createReport({ identity: sessionIdentity(org) }, "soc2", {
      dateRange: { from: "2026-01-01", to: "2026-01-31" },
    });
    // Several MB: more than socket and stream buffers hold, so an unread download keeps its connection.
    const result = await processNextReport(db, "starvation-worker", {
      definitions: fakeDefinitions({ rows: 40_000 }),
      reportId: queued.id,
    });
    expect(result?.outcome).toBe("completed");

    // Two clients that read one piece and then stop (a throttled connection).
    const slow = await Promise.all([startDownload(queued.id), startDownload(queued.id)]);
    const readers = slow.map((download) => download.body!.getReader());
    for (const reader of readers) expect((await reader.read()).done).toBe(false);

    const startedAt = Date.now();
    const third = await startDownload(queued.id);
    const bytes = await readStream(third.body);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    expect(bytes.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    expect(third.headers.etag).toBe(`"${sha256(bytes)}"`);

    await Promise.all(readers.map((reader) => reader.cancel()));
  });
});
