// The artifact thread the server's report workers use: the same bytes as
// storing and rendering in the report's own thread, and its failures reach the report.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReport } from "@/lib/compliance/requests/create-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import type { ReportJobOptions } from "@/lib/compliance/jobs/run-report-job";
import { db } from "@/lib/db";
import { startSourceArtifactThread } from "../../scripts/dev/start-source-artifact-thread";
import { createTestOrg, type TestOrg } from "../support/fixtures";
import { fakeDefinitions, readStream, sessionIdentity, sha256, takeOverLease } from "../support/compliance-fixtures";

let org: TestOrg;
let thread: ReturnType<typeof startSourceArtifactThread>;
const databaseUrl = () => process.env.DATABASE_URL!;

beforeAll(async () => {
  org = await createTestOrg({ name: "Artifact Thread Org" });
  thread = startSourceArtifactThread(databaseUrl());
});

afterAll(async () => {
  await thread.stop();
});

async function generate(
  options: Omit<ReportJobOptions, "definitions"> & { definitions?: ReportJobOptions["definitions"] },
) {
  const { report: queued } = await createReport({ identity: sessionIdentity(org) }, "audit", {
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
    select: { id: true, status: true, error: true, errorCode: true },
  });
  return { outcome: result?.outcome, report };
}

async function download(reportId: string, format: "json" | "csv") {
  const result = await getReportDownload({ identity: sessionIdentity(org, "auditor") }, reportId, {
    format,
    bom: false,
  });
  return { etag: result.headers.etag, bytes: await readStream(result.body) };
}

/** The JSON document after its first line, which holds the report header (id, generatedAt…). */
const afterHeader = (bytes: Buffer) => {
  const text = bytes.toString("utf8");
  return text.slice(text.indexOf("\n"));
};

describe("report artifact thread", () => {
  it("stores byte for byte the CSV the report's own thread stores, and a JSON that differs only in its header", async () => {
    const inThread = await generate({});
    const threaded = await generate({ openArtifacts: thread.connection.open });
    expect([inThread.outcome, threaded.outcome]).toEqual(["completed", "completed"]);

    const expected = await download(inThread.report.id, "csv");
    const actual = await download(threaded.report.id, "csv");
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

    const expectedJson = await download(inThread.report.id, "json");
    const actualJson = await download(threaded.report.id, "json");
    expect(actualJson.etag).toBe(`"${sha256(actualJson.bytes)}"`);
    expect(afterHeader(actualJson.bytes).length).toBeGreaterThan(100_000);
    expect(afterHeader(actualJson.bytes)).toBe(afterHeader(expectedJson.bytes));
    expect(JSON.parse(actualJson.bytes.toString("utf8")).report.id).toBe(threaded.report.id);
  });

  it("stores nothing more once the report failed for another reason", async () => {
    const { outcome, report } = await generate({
      openArtifacts: thread.connection.open,
      definitions: fakeDefinitions({ rows: 3000, throwWith: "Source vault_access failed: disk I/O error" }),
    });
    expect(outcome).toBe("failed");
    expect(report).toMatchObject({ error: "The report could not be generated", errorCode: "generation_failed" });
    // The abort was acknowledged before the report was failed: no chunk can arrive late.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.reportArtifact.count({ where: { reportId: report.id } })).toBe(0);
    expect(await db.reportChunk.count({ where: { artifact: { reportId: report.id } } })).toBe(0);
  });

  it("leaves a report whose lease moved on to its new holder, whichever thread notices first", async () => {
    const { outcome, report } = await generate({
      openArtifacts: thread.connection.open,
      chunkBytes: 64,
      definitions: fakeDefinitions({
        rows: 50,
        onBuild: takeOverLease,
      }),
    });
    expect(outcome).toBe("lease_lost");
    expect(report).toMatchObject({ status: "pending", error: null });
  });

  it("fails the report with a reason when the artifact thread dies mid-report", async () => {
    const doomed = startSourceArtifactThread(databaseUrl());
    const { outcome, report } = await generate({
      openArtifacts: doomed.connection.open,
      definitions: fakeDefinitions({
        rows: 3000,
        onBuild: async () => {
          await doomed.thread.terminate();
        },
      }),
    });
    await doomed.stop();
    expect(outcome).toBe("failed");
    expect(report).toMatchObject({ error: "The report could not be generated", errorCode: "generation_failed" });
    expect(await db.reportArtifact.count({ where: { reportId: report.id } })).toBe(0);
  });
});
