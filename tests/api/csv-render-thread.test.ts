// The CSV render thread the server's report workers use: the same bytes as
// rendering in the report's own thread, and its failures reach the report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReport } from "@/lib/compliance/create-report";
import { getReportDownload } from "@/lib/compliance/get-report-download";
import { processNextReport } from "@/lib/compliance/process-next-report";
import type { ReportJobOptions } from "@/lib/compliance/run-report-job";
import { db } from "@/lib/db";
import { startSourceCsvRenderer } from "../../scripts/dev/start-source-csv-renderer";
import { createTestOrg, type TestOrg } from "../support/fixtures";
import { fakeDefinitions, readStream, sessionIdentity, sha256 } from "../support/compliance-fixtures";

let org: TestOrg;
let renderer: ReturnType<typeof startSourceCsvRenderer>;
const databaseUrl = () => process.env.DATABASE_URL!;

beforeAll(async () => {
  org = await createTestOrg({ name: "CSV Thread Org" });
  renderer = startSourceCsvRenderer(databaseUrl());
});

afterAll(async () => {
  await renderer.stop();
});

async function generate(
  options: Omit<ReportJobOptions, "definitions"> & { definitions?: ReportJobOptions["definitions"] },
) {
  const queued = await createReport({ identity: sessionIdentity(org) }, "audit", {
    dateRange: { from: "2026-01-01", to: "2026-01-31" },
  });
  const result = await processNextReport(db, "worker-csv", {
    definitions: fakeDefinitions({ rows: 3000 }),
    chunkBytes: 4096,
    ...options,
    reportId: queued.id,
  });
  const report = await db.report.findUniqueOrThrow({
    where: { id: queued.id },
    select: { id: true, status: true, error: true },
  });
  return { outcome: result?.outcome, report };
}

async function downloadCsv(reportId: string) {
  const result = await getReportDownload({ identity: sessionIdentity(org, "auditor") }, reportId, {
    format: "csv",
    bom: false,
  });
  return { etag: result.headers.etag, bytes: await readStream(result.body) };
}

describe("CSV render thread", () => {
  it("renders byte for byte the CSV the report's own thread renders", async () => {
    const inThread = await generate({});
    const threaded = await generate({ openCsvRenderer: renderer.connection.open });
    expect([inThread.outcome, threaded.outcome]).toEqual(["completed", "completed"]);

    const expected = await downloadCsv(inThread.report.id);
    const actual = await downloadCsv(threaded.report.id);
    expect(actual.bytes.byteLength).toBeGreaterThan(100_000);
    expect(sha256(actual.bytes)).toBe(sha256(expected.bytes));
    expect(actual.etag).toBe(`"${sha256(actual.bytes)}"`);
    const artifact = await db.reportArtifact.findFirstOrThrow({
      where: { reportId: threaded.report.id, format: "csv" },
      select: { byteSize: true, chunkCount: true },
    });
    expect(artifact).toEqual({
      byteSize: actual.bytes.byteLength,
      chunkCount: Math.ceil(actual.bytes.byteLength / 4096),
    });
  });

  it("stores nothing more once the report failed for another reason", async () => {
    const { outcome, report } = await generate({
      openCsvRenderer: renderer.connection.open,
      definitions: fakeDefinitions({ rows: 3000, throwWith: "Source vault_access failed: disk I/O error" }),
    });
    expect(outcome).toBe("failed");
    expect(report.error).toBe("Source vault_access failed: disk I/O error");
    // The abort was acknowledged before the report was failed: no chunk can arrive late.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.reportArtifact.count({ where: { reportId: report.id } })).toBe(0);
    expect(await db.reportChunk.count({ where: { artifact: { reportId: report.id } } })).toBe(0);
  });

  it("leaves a report whose lease moved on to its new holder, whichever thread notices first", async () => {
    const { outcome, report } = await generate({
      openCsvRenderer: renderer.connection.open,
      chunkBytes: 64,
      definitions: fakeDefinitions({
        rows: 50,
        onBuild: async (reportId) => {
          await db.report.update({
            where: { id: reportId },
            data: {
              leaseOwner: "worker-new",
              attempts: { increment: 1 },
              leaseExpiresAt: new Date(Date.now() + 60_000),
            },
          });
        },
      }),
    });
    expect(outcome).toBe("lease_lost");
    expect(report).toMatchObject({ status: "pending", error: null });
  });

  it("fails the report with a reason when the CSV thread dies mid-report", async () => {
    const doomed = startSourceCsvRenderer(databaseUrl());
    const { outcome, report } = await generate({
      openCsvRenderer: doomed.connection.open,
      definitions: fakeDefinitions({
        rows: 3000,
        onBuild: async () => {
          await doomed.thread.terminate();
        },
      }),
    });
    await doomed.stop();
    expect(outcome).toBe("failed");
    expect(report.error).toBe("The CSV render thread stopped");
    expect(await db.reportArtifact.count({ where: { reportId: report.id } })).toBe(0);
  });
});
