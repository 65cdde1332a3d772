// Two downloads read by slow clients must not starve a third (PostgreSQL, where
// a download streams its stored chunks over a connection of the raw pool and
// holds it until its client has read every byte): the pool
// (DATABASE_POOL_SIZE) has room beside them, so the third completes whole.
// On SQLite, whose reads block the thread, a download read as fast as it comes
// must still leave the event loop turns for other requests.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { downloadBytesPerTurn } from "@/lib/compliance/artifacts/read-artifact-bytes";
import { createReport } from "@/lib/compliance/requests/create-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { db } from "@/lib/db";
import { createTestOrg, type TestOrg } from "@/tests/support/fixtures";
import { fakeDefinitions, readStream, sessionIdentity, sha256 } from "@/tests/support/compliance-fixtures";

const isPostgres = inject("databaseProvider") === "postgresql";
const isSqlite = inject("databaseProvider") === "sqlite";
let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg({ name: "Starvation Org" });
});

async function completedReport(rows: number): Promise<string> {
  const { report: queued } = await createReport({ identity: sessionIdentity(org) }, "soc2", {
    dateRange: { from: "2026-01-01", to: "2026-01-31" },
  });
  const result = await processNextReport(db, "starvation-worker", {
    definitions: fakeDefinitions({ rows }),
    reportId: queued.id,
  });
  expect(result?.outcome).toBe("completed");
  return queued.id;
}

async function startDownload(reportId: string) {
  return getReportDownload({ identity: sessionIdentity(org, "auditor") }, reportId, { format: "json", bom: false });
}

describe.runIf(isPostgres)("downloads on PostgreSQL", () => {
  it("completes a third download while two slow clients hold theirs open", { timeout: 120_000 }, async () => {
    // Several MB: more than socket and stream buffers hold, so an unread download keeps its connection.
    const queued = { id: await completedReport(40_000) };

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

describe.runIf(isSqlite)("downloads on SQLite", () => {
  it("lets other work run while a client reads a download as fast as it comes", { timeout: 120_000 }, async () => {
    // Several MB: many pages of stored chunks.
    const reportId = await completedReport(40_000);
    const download = await startDownload(reportId);

    let bytesRead = 0;
    let bytesReadWhenOtherWorkRan: number | null = null;
    setImmediate(() => (bytesReadWhenOtherWorkRan = bytesRead));
    const parts: Uint8Array[] = [];
    for await (const part of download.body as unknown as AsyncIterable<Uint8Array>) {
      parts.push(part);
      bytesRead += part.byteLength;
    }

    const bytes = Buffer.concat(parts);
    expect(bytes.byteLength).toBeGreaterThan(2 * 1024 * 1024);
    expect(download.headers.etag).toBe(`"${sha256(bytes)}"`);
    // Work queued when the download began ran after its first page of chunks, not after its last byte.
    expect(bytesReadWhenOtherWorkRan).not.toBeNull();
    expect(bytesReadWhenOtherWorkRan!).toBeLessThanOrEqual(downloadBytesPerTurn);
  });
});
