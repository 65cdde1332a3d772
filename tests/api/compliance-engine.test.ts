// The report engine against a real database, with a fake report definition:
// generation into hashed chunks, the stored download, CSV shape and formula
// neutralising, fail closed, leases (expiry, re-claim, fencing, exhaustion)
// and handing a report back on shutdown.
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ArtifactWriter } from "@/lib/compliance/artifacts/artifact-writer";
import { claimNextReport } from "@/lib/compliance/jobs/claim-next-report";
import { completeReport } from "@/lib/compliance/jobs/complete-report";
import { createReport } from "@/lib/compliance/requests/create-report";
import { failReport } from "@/lib/compliance/jobs/fail-report";
import { reportFailure } from "@/lib/compliance/jobs/report-failure";
import { AppError } from "@/lib/errors/app-error";
import { getReport } from "@/lib/compliance/requests/get-report";
import { getReportDownload } from "@/lib/compliance/requests/get-report-download";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { renewReportLease } from "@/lib/compliance/jobs/renew-report-lease";
import { LeaseLostError } from "@/lib/compliance/lease/lease-lost-error";
import { createDatabaseClient, db } from "@/lib/db";
import { getDatabaseProvider } from "@/lib/db/database-url";
import { databaseUrlOf, rawSqlOf, registerDatabaseUrl } from "@/lib/db/raw-sql-of";
import { createTestOrg, type TestOrg } from "../support/fixtures";
import {
  fakeColumns,
  fakeDefinitions,
  hostileCells,
  readStream,
  sessionIdentity,
  sha256,
  takeOverLease,
} from "../support/compliance-fixtures";

let org: TestOrg;
const range = { dateRange: { from: "2026-01-01", to: "2026-01-31" } };

beforeAll(async () => {
  org = await createTestOrg({ name: "Engine Org" });
});

async function queueReport() {
  return (await createReport({ identity: sessionIdentity(org) }, "soc2", range)).report;
}

/** A queued report claimed by `workerId`, with an empty artifact of that attempt to write chunks into. */
async function claimWithArtifact(workerId: string) {
  const queued = await queueReport();
  const lease = (await claimNextReport(db, workerId, { reportId: queued.id, leaseSeconds: 60 }))!;
  const createArtifact = (format: "json" | "csv") =>
    db.reportArtifact.create({
      data: { id: `${format}-${queued.id}`, reportId: queued.id, attempt: lease.attempt, format, contentType: "x" },
      select: { id: true },
    });
  return { queued, lease, artifact: await createArtifact("json"), createArtifact };
}

async function download(reportId: string, format: "json" | "csv", bom = false) {
  const result = await getReportDownload({ identity: sessionIdentity(org, "auditor") }, reportId, { format, bom });
  return { headers: result.headers, bytes: await readStream(result.body) };
}

/** A completed report whose JSON spans dozens of 4 KiB chunks. */
async function generateManyChunkReport() {
  const queued = await queueReport();
  await processNextReport(db, "worker-a", {
    definitions: fakeDefinitions({ rows: 3000 }),
    reportId: queued.id,
    chunkBytes: 4096,
  });
  return queued;
}

/** A JSON download begun but not read: its stream's reader. */
async function startJsonDownload(reportId: string) {
  const started = await getReportDownload({ identity: sessionIdentity(org, "auditor") }, reportId, {
    format: "json",
    bom: false,
  });
  return started.body!.getReader();
}

describe("generation", () => {
  it("renders JSON and CSV once into chunks whose bytes, hash and size match what is served", async () => {
    const queued = await queueReport();
    expect(queued.status).toBe("pending");

    const result = await processNextReport(db, "worker-a", {
      definitions: fakeDefinitions({ rows: 300 }),
      reportId: queued.id,
      chunkBytes: 4096,
    });
    expect(result).toEqual({ reportId: queued.id, outcome: "completed" });

    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    expect(report.status).toBe("completed");
    expect(report.progress).toBe(100);
    expect(report.completedAt).not.toBeNull();

    const json = await download(queued.id, "json");
    expect(json.headers.etag).toBe(`"${sha256(json.bytes)}"`);
    expect(report.artifacts?.json).toEqual({ byteSize: json.bytes.byteLength, sha256: sha256(json.bytes) });
    expect(Number(json.headers["content-length"])).toBe(json.bytes.byteLength);

    const artifact = await db.reportArtifact.findFirstOrThrow({
      where: { reportId: queued.id, format: "json" },
      select: { id: true, chunkCount: true },
    });
    expect(artifact.chunkCount).toBeGreaterThan(3);
    const chunks = await db.reportChunk.findMany({ where: { artifactId: artifact.id }, select: { data: true } });
    expect(chunks.every((chunk) => chunk.data.byteLength <= 4096)).toBe(true);

    const document = JSON.parse(json.bytes.toString("utf8"));
    expect(document.report).toMatchObject({
      id: queued.id,
      type: "soc2",
      title: "SOC2 Summary — 2026-01-01 to 2026-01-31 — all agents",
      org: { id: org.orgId, name: "Engine Org" },
      scope: { dateRange: range.dateRange, agentIds: [] },
      timezone: "UTC",
      schemaVersion: 1,
      generatedBy: { type: "user", id: org.admin.id, label: org.admin.email },
    });
    expect(document.manifest).toEqual([
      { source: "fake_events", filter: `orgId = ${org.orgId}`, rowCount: 300, first: null, last: null },
    ]);
    expect(document.sections.events.criteria).toEqual(["CC6.1"]);
    expect(document.sections.events.tables.all).toHaveLength(300);
    expect(document.sections.events.tables.all[299].id).toBe("row-000299");
    expect(document.sections.empty.tables.none).toEqual([]);

    const csv = await download(queued.id, "csv");
    expect(csv.headers.etag).toBe(`"${sha256(csv.bytes)}"`);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const parsed = Papa.parse<string[]>(csv.bytes.toString("utf8"), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(["section", "table", ...fakeColumns]);
    const widths = new Set(parsed.data.map((line) => line.length));
    expect([...widths]).toEqual([2 + fakeColumns.length]);
    expect(parsed.data.filter((line) => line[0] === "events" && line[1] === "all")).toHaveLength(300);
    expect(csv.bytes.toString("utf8")).toContain("\r\n");
  });

  it("neutralises spreadsheet formulas and writes nested values as JSON text", async () => {
    const queued = await queueReport();
    await processNextReport(db, "worker-a", { definitions: fakeDefinitions({ rows: 1 }), reportId: queued.id });
    const csv = await download(queued.id, "csv");
    const parsed = Papa.parse<string[]>(csv.bytes.toString("utf8"), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const noteColumn = 2 + fakeColumns.indexOf("note");
    const metaColumn = 2 + fakeColumns.indexOf("meta");
    const hostile = parsed.data.filter((line) => line[1] === "hostile");
    expect(hostile.map((line) => line[noteColumn])).toEqual(
      hostileCells.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)),
    );
    for (const line of parsed.data) {
      for (const cell of line) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(JSON.parse(hostile[0]![metaColumn]!)).toEqual({ nested: [hostileCells[0]] });
    // The JSON keeps the original values: neutralising is a CSV concern only.
    const json = JSON.parse((await download(queued.id, "json")).bytes.toString("utf8"));
    expect(json.sections.events.tables.hostile.map((row: { note: string }) => row.note)).toEqual(hostileCells);
  });

  it("adds a UTF-8 BOM to the CSV on request, with its own ETag", async () => {
    const queued = await queueReport();
    await processNextReport(db, "worker-a", { definitions: fakeDefinitions({ rows: 2 }), reportId: queued.id });
    const plain = await download(queued.id, "csv");
    const withBom = await download(queued.id, "csv", true);
    expect([...withBom.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBom.bytes.subarray(3).equals(plain.bytes)).toBe(true);
    expect(withBom.headers.etag).toBe(`"${sha256(plain.bytes)}-bom"`);
    expect(Number(withBom.headers["content-length"])).toBe(plain.bytes.byteLength + 3);
  });

  it("never serves a short file when the report is deleted mid-download", async () => {
    const queued = await generateManyChunkReport();
    const whole = await download(queued.id, "json");
    const reader = await startJsonDownload(queued.id);
    const first = await reader.read();
    expect(first.done).toBe(false);
    await db.report.delete({ where: { id: queued.id } });

    const parts = [Buffer.from(first.value!)];
    const outcome = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        parts.push(Buffer.from(value));
      }
    })().catch((error: Error) => error.message);

    if (getDatabaseProvider() === "postgresql") {
      // One COPY reads one snapshot: the download started before the delete is whole.
      expect(outcome).toBe("ended");
      expect(sha256(Buffer.concat(parts))).toBe(sha256(whole.bytes));
    } else {
      // Later chunks are read after the delete: the stream fails rather than ending early.
      expect(outcome).toMatch(/are gone/);
      expect(Buffer.concat(parts).byteLength).toBeLessThan(whole.bytes.byteLength);
    }
  });

  it("gives the database connection back when a download is abandoned half-way", async () => {
    const queued = await generateManyChunkReport();
    const whole = await download(queued.id, "json");
    // More abandoned downloads than the driver pool has connections (PostgreSQL: 2).
    for (let attempt = 0; attempt < 3; attempt++) {
      const reader = await startJsonDownload(queued.id);
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
    }
    expect(sha256((await download(queued.id, "json")).bytes)).toBe(sha256(whole.bytes));
  });

  it("fails closed with the builder's reason and keeps no artifacts", async () => {
    const queued = await queueReport();
    const result = await processNextReport(db, "worker-a", {
      definitions: fakeDefinitions({ throwWith: "Source dlp_violations failed: relation missing" }),
      reportId: queued.id,
    });
    expect(result?.outcome).toBe("failed");
    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    // Readers see the public reason only; the builder's text stays in the server log.
    expect(report).toMatchObject({
      status: "failed",
      error: "The report could not be generated",
      errorCode: "generation_failed",
      artifacts: null,
    });
    expect(JSON.stringify(report)).not.toContain("relation missing");
    expect(await db.reportArtifact.count({ where: { reportId: queued.id } })).toBe(0);
    const event = await db.auditEvent.findFirst({
      where: { orgId: org.orgId, action: "compliance.report_failed", targetId: queued.id },
      select: { category: true, outcome: true, metadata: true },
    });
    expect(event).toMatchObject({ category: "compliance", outcome: "failure" });
    expect(JSON.stringify(event?.metadata)).not.toContain("relation missing");
    const stored = await db.report.findUniqueOrThrow({ where: { id: queued.id }, select: { error: true } });
    expect(stored.error).not.toContain("relation missing");
    const conflict = await download(queued.id, "json").catch((error: AppError) => error);
    expect(conflict).toMatchObject({ code: "conflict", details: { reason: "generation_failed" } });
    expect((conflict as AppError).message).not.toContain("relation missing");
  });

  it("fails a report whose source query failed as source_failed, without the database's text", async () => {
    const queued = await queueReport();
    const result = await processNextReport(db, "worker-a", {
      definitions: fakeDefinitions({
        onBuild: async () => {
          throw Object.assign(new Error('relation "secret_table" does not exist at 10.0.0.7'), { code: "42P01" });
        },
      }),
      reportId: queued.id,
    });
    expect(result?.outcome).toBe("failed");
    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    expect(report).toMatchObject({ error: "A data source could not be read", errorCode: "source_failed" });
    expect(JSON.stringify(report)).not.toContain("secret_table");
  });

  it("stops an attempt that runs past its maximum generation time and fails it as generation_timed_out", async () => {
    const queued = await queueReport();
    const result = await processNextReport(db, "worker-a", {
      definitions: fakeDefinitions({ onBuild: () => new Promise((resolve) => setTimeout(resolve, 1200)) }),
      maxSeconds: 1,
      reportId: queued.id,
    });
    expect(result?.outcome).toBe("failed");
    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    expect(report).toMatchObject({
      status: "failed",
      errorCode: "generation_timed_out",
      error: "The report took longer than the maximum generation time",
      artifacts: null,
    });
    expect(await db.reportArtifact.count({ where: { reportId: queued.id } })).toBe(0);
  });

  it("treats a row field outside the CSV columns as a bug and fails the report", async () => {
    const queued = await queueReport();
    await processNextReport(db, "worker-a", {
      definitions: fakeDefinitions({ rows: 1, badColumn: true }),
      reportId: queued.id,
    });
    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    expect(report.status).toBe("failed");
    expect(report.errorCode).toBe("generation_failed");
    expect(report.error).not.toContain('"notAColumn"');
  });

  it("records requested and completed audit events of category compliance", async () => {
    const queued = await queueReport();
    await processNextReport(db, "worker-a", { definitions: fakeDefinitions({ rows: 1 }), reportId: queued.id });
    const events = await db.auditEvent.findMany({
      where: { orgId: org.orgId, targetId: queued.id },
      orderBy: { occurredAt: "asc" },
      select: { action: true, category: true, actorType: true, actorId: true },
    });
    expect(events).toEqual([
      { action: "compliance.report_requested", category: "compliance", actorType: "user", actorId: org.admin.id },
      { action: "compliance.report_completed", category: "compliance", actorType: "system", actorId: null },
    ]);
  });
});

describe("leases", () => {
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  it("re-claims an expired lease, completes, and fences the stale worker out", async () => {
    const queued = await queueReport();
    // Worker A claimed two minutes ago with a 60 s lease, then went silent.
    const stale = await claimNextReport(db, "worker-stale", {
      reportId: queued.id,
      now: minutesAgo(2),
      leaseSeconds: 60,
    });
    expect(stale).toEqual({ reportId: queued.id, workerId: "worker-stale", attempt: 1 });

    // A live lease cannot be claimed by someone else.
    const live = await claimNextReport(db, "worker-x", { reportId: (await queueReport()).id, leaseSeconds: 60 });
    expect(live?.attempt).toBe(1);
    expect(await claimNextReport(db, "worker-y", { reportId: live!.reportId })).toBeNull();

    const result = await processNextReport(db, "worker-b", {
      definitions: fakeDefinitions({ rows: 5 }),
      reportId: queued.id,
    });
    expect(result?.outcome).toBe("completed");
    const before = await download(queued.id, "json");

    // Every write of the stale holder now matches no row.
    await expect(renewReportLease(db, stale!, { leaseSeconds: 60 })).rejects.toBeInstanceOf(LeaseLostError);
    await expect(
      completeReport(db, stale!, {
        generatedAt: new Date().toISOString(),
        schemaVersion: 1,
        artifacts: [],
        preview: {
          document: { report: {}, manifest: [], sections: {} },
          rowCounts: {},
          dailyCounts: {},
          rowsPerTable: 1,
        },
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    await expect(failReport(db, stale!, reportFailure("generation_failed"))).rejects.toBeInstanceOf(LeaseLostError);
    const staleArtifact = await db.reportArtifact.findFirstOrThrow({
      where: { reportId: queued.id, format: "json" },
      select: { id: true },
    });
    const writer = new ArtifactWriter(rawSqlOf(db), stale!, staleArtifact.id, { chunkBytes: 4, leaseSeconds: 60 });
    // SQLite refuses the first chunk; PostgreSQL's COPY refuses at the commit.
    await expect(writer.write("overwrite!").then(() => writer.finish())).rejects.toBeInstanceOf(LeaseLostError);
    await writer.abort();

    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    expect(report.status).toBe("completed");
    expect(report.error).toBeNull();
    const after = await download(queued.id, "json");
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(await db.reportArtifact.count({ where: { reportId: queued.id } })).toBe(2);
  });

  it("refuses a chunk once the lease moved on, also between the writer's lease renewals", async () => {
    const { queued, lease, artifact } = await claimWithArtifact("worker-chunks");
    const chunkBytes = 64 * 1024;
    const writer = new ArtifactWriter(rawSqlOf(db), lease, artifact.id, { chunkBytes, leaseSeconds: 60 });
    // A MiB: SQLite writes these 16 chunks in one transaction that also renews the lease.
    await writer.write("a".repeat(16 * chunkBytes));
    await takeOverLease(queued.id);
    // Well within the renewal interval: only the fenced inserts run, and they must refuse.
    // (PostgreSQL's COPY takes every chunk and refuses the whole artifact at the commit.)
    await expect(writer.write("efgh").then(() => writer.finish())).rejects.toBeInstanceOf(LeaseLostError);
    await writer.abort();
    const kept = getDatabaseProvider() === "postgresql" ? 0 : 16;
    expect(await db.reportChunk.count({ where: { artifactId: artifact.id } })).toBe(kept);
  });

  it("makes an artifact's chunks visible only once its writer finishes under the lease", async () => {
    const { lease, artifact, createArtifact } = await claimWithArtifact("worker-visible");
    const chunksStored = () => db.reportChunk.count({ where: { artifactId: artifact.id } });
    const writer = new ArtifactWriter(rawSqlOf(db), lease, artifact.id, { chunkBytes: 4, leaseSeconds: 60 });
    await writer.write("abcdefghij");
    expect(await chunksStored()).toBe(0);
    const totals = await writer.finish();
    expect(totals).toMatchObject({ byteSize: 10, chunkCount: 3 });
    expect(await chunksStored()).toBe(3);
    const stored = await db.reportChunk.findMany({ where: { artifactId: artifact.id }, orderBy: { seq: "asc" } });
    expect(Buffer.concat(stored.map((chunk) => Buffer.from(chunk.data))).toString()).toBe("abcdefghij");

    // An aborted writer leaves nothing that was not final.
    const other = await createArtifact("csv");
    const dropped = new ArtifactWriter(rawSqlOf(db), lease, other.id, { chunkBytes: 4, leaseSeconds: 60 });
    await dropped.write("abcdefgh");
    await dropped.abort();
    await dropped.abort();
    expect(await db.reportChunk.count({ where: { artifactId: other.id } })).toBe(0);
  });

  it("stops a worker whose lease is taken over mid-generation without touching the report", async () => {
    const queued = await queueReport();
    const result = await processNextReport(db, "worker-slow", {
      reportId: queued.id,
      definitions: fakeDefinitions({
        rows: 10,
        // Another worker re-claims after the lease lapsed: attempt 2, new owner.
        onBuild: takeOverLease,
      }),
      chunkBytes: 64,
    });
    expect(result?.outcome).toBe("lease_lost");
    const row = await db.report.findUniqueOrThrow({
      where: { id: queued.id },
      select: { status: true, leaseOwner: true, attempts: true, error: true },
    });
    expect(row).toEqual({ status: "pending", leaseOwner: "worker-new", attempts: 2, error: null });
  });

  it("goes on building while a progress write waits, and completes only after it lands", async () => {
    const queued = await queueReport();
    // Progress writes (a lease renewal with `progress`) wait at a gate the test opens.
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let progressWrites = 0;
    const report = new Proxy(db.report, {
      get(target, property, receiver) {
        if (property !== "updateMany") return Reflect.get(target, property, receiver);
        return async (args: { data: { progress?: number } }) => {
          if (args.data.progress !== undefined) {
            progressWrites += 1;
            await gate;
          }
          return target.updateMany(args as never);
        };
      },
    });
    const gated = new Proxy(db, {
      get: (target, property, receiver) => (property === "report" ? report : Reflect.get(target, property, receiver)),
    });
    registerDatabaseUrl(gated, databaseUrlOf(db));
    let passedProgress = false;
    const definition = fakeDefinitions().soc2!;
    const job = processNextReport(gated, "worker-gated", {
      reportId: queued.id,
      definitions: {
        soc2: {
          ...definition,
          async build(ctx, output) {
            await output.writeManifest([
              { source: "fake_events", filter: "all", rowCount: 0, first: null, last: null },
            ]);
            await output.reportProgress(40);
            passedProgress = true;
            await output.startSection("events", { title: "Events", description: "", criteria: [], summary: {} });
            await output.writeTable("all", []);
            await output.endSection();
          },
        },
      },
    });
    try {
      await vi.waitFor(() => expect(passedProgress).toBe(true));
      expect(progressWrites).toBe(1);
      const waiting = await db.report.findUniqueOrThrow({ where: { id: queued.id }, select: { status: true } });
      expect(waiting.status).toBe("pending");
    } finally {
      openGate();
    }
    expect((await job)?.outcome).toBe("completed");
    const done = await db.report.findUniqueOrThrow({
      where: { id: queued.id },
      select: { status: true, progress: true },
    });
    expect(done).toEqual({ status: "completed", progress: 100 });
    await rawSqlOf(gated).close();
  });

  it("fails a report whose last attempt's lease expired, with the reason", async () => {
    const queued = await queueReport();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const lease = await claimNextReport(db, `worker-${attempt}`, {
        reportId: queued.id,
        now: minutesAgo(10 - attempt),
        leaseSeconds: 30,
      });
      expect(lease?.attempt).toBe(attempt);
    }
    const result = await processNextReport(db, "worker-late", { definitions: fakeDefinitions(), reportId: queued.id });
    expect(result).toBeNull();
    const report = await getReport({ identity: sessionIdentity(org) }, queued.id);
    expect(report.status).toBe("failed");
    expect(report).toMatchObject({
      error: "Generation did not finish after every allowed attempt",
      errorCode: "attempts_exhausted",
    });
    expect(
      await db.auditEvent.count({
        where: { orgId: org.orgId, action: "compliance.report_failed", targetId: queued.id },
      }),
    ).toBe(1);
  });

  it("hands the report back to pending when the worker stops, without spending the attempt", async () => {
    const queued = await queueReport();
    let stop = false;
    const result = await processNextReport(db, "worker-stopping", {
      reportId: queued.id,
      definitions: fakeDefinitions({ rows: 3000, onBuild: async () => void (stop = true) }),
      shouldStop: () => stop,
    });
    expect(result?.outcome).toBe("released");
    const row = await db.report.findUniqueOrThrow({
      where: { id: queued.id },
      select: { status: true, leaseOwner: true, attempts: true, progress: true },
    });
    expect(row).toEqual({ status: "pending", leaseOwner: null, attempts: 0, progress: 0 });
    expect(await db.reportArtifact.count({ where: { reportId: queued.id } })).toBe(0);

    const retry = await processNextReport(db, "worker-next", {
      definitions: fakeDefinitions({ rows: 3 }),
      reportId: queued.id,
    });
    expect(retry?.outcome).toBe("completed");
  });

  it("gives one report to exactly one of two concurrent claimers (separate connections)", async () => {
    const other = createDatabaseClient(process.env.DATABASE_URL);
    try {
      const queued = await queueReport();
      const claims = await Promise.all([
        claimNextReport(db, "worker-1", { reportId: queued.id }),
        claimNextReport(other, "worker-2", { reportId: queued.id }),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      const row = await db.report.findUniqueOrThrow({ where: { id: queued.id }, select: { attempts: true } });
      expect(row.attempts).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });
});
