// The evidence package (GET …/download?format=zip): a ZIP any reader opens,
// holding report.json as stored, README, manifest.csv, one CSV per table split
// below a row threshold, the statement, SHA256SUMS and its signature; the same
// bytes on every download; and `npm run verify` accepts it and refuses a
// tampered copy.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { GET as keysRoute } from "@/app/api/engine/compliance/keys/route";
import { POST as postRoute } from "@/app/api/engine/compliance/reports/[reportRef]/route";
import { GET as downloadRoute } from "@/app/api/engine/compliance/reports/[reportRef]/download/route";
import { GET as statementRoute } from "@/app/api/engine/compliance/reports/[reportRef]/statement/route";
import { downloadBytesPerTurn } from "@/lib/compliance/artifacts/read-artifact-bytes";
import { processNextReport } from "@/lib/compliance/jobs/process-next-report";
import { packageBatchBytes, packagePieceBytes } from "@/lib/compliance/package/package-thread-protocol";
import { readZipEntries } from "@/lib/compliance/package/read-zip-entries";
import { countPackageThreads } from "@/lib/compliance/package/spawn-package-thread";
import { verifyEvidencePackage } from "@/lib/compliance/package/verify-evidence-package";
import { getReportPackage } from "@/lib/compliance/requests/get-report-package";
import { db } from "@/lib/db";
import { readPublishedKeys } from "@/lib/signing/parse-retired-signing-keys";
import { fakeDefinitions, readStream, sessionIdentity } from "@/tests/support/compliance-fixtures";
import { createTestApiKey, createTestOrg, type TestApiKey, type TestOrg } from "@/tests/support/fixtures";

const base = "http://localhost/api/engine/compliance";
const ref = (reportRef: string) => ({ params: Promise.resolve({ reportRef }) });
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const bom = "\ufeff";

let org: TestOrg;
let key: TestApiKey;
let reportId: string;
let directory: string;

beforeAll(async () => {
  org = await createTestOrg({ name: "Acme Packaged" });
  key = await createTestApiKey(org.orgId, ["reports:read", "reports:write"]);
  const response = await postRoute(
    new Request(`${base}/reports/soc2`, {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
      body: JSON.stringify({ dateRange: { from: "2026-01-01", to: "2026-01-31" } }),
    }),
    ref("soc2"),
  );
  reportId = ((await response.json()) as { id: string }).id;
  const result = await processNextReport(db, "package-test-worker", {
    definitions: fakeDefinitions({ rows: 7 }),
    reportId,
  });
  expect(result?.outcome).toBe("completed");
  directory = fs.mkdtempSync(path.join(os.tmpdir(), "attest-package-"));
});
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

async function createCompletedReport(rows: number): Promise<string> {
  const response = await postRoute(
    new Request(`${base}/reports/soc2`, {
      method: "POST",
      headers: { authorization: `Bearer ${key.key}`, "content-type": "application/json" },
      body: JSON.stringify({ dateRange: { from: "2026-01-01", to: "2026-01-31" } }),
    }),
    ref("soc2"),
  );
  const id = ((await response.json()) as { id: string }).id;
  const result = await processNextReport(db, "package-test-worker", {
    definitions: fakeDefinitions({ rows }),
    reportId: id,
  });
  expect(result?.outcome).toBe("completed");
  return id;
}

async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function download(format: string, id = reportId): Promise<Response> {
  return downloadRoute(
    new Request(`${base}/reports/${id}/download?format=${format}`, {
      headers: { authorization: `Bearer ${key.key}` },
    }),
    ref(id),
  );
}

async function saved(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(directory, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function publishedKeys() {
  const response = await keysRoute(new Request(`${base}/keys`), { params: Promise.resolve({}) });
  return readPublishedKeys(await response.json(), { source: "GET /keys", requireRetired: false });
}

describe("evidence package", () => {
  it("answers a ZIP whose files are the report, its tables split below the threshold, and their signed sums", async () => {
    const { body, headers } = await getReportPackage({ identity: sessionIdentity(org) }, reportId, { maxDataRows: 3 });
    expect(headers["content-type"]).toBe("application/zip");
    const zip = await readZipEntries(await saved("small.zip", await readStream(body)));
    try {
      expect(zip.names).toEqual([
        "report.json",
        "README.txt",
        "manifest.csv",
        "sections/events/all.part-1.csv",
        "sections/events/all.part-2.csv",
        "sections/events/all.part-3.csv",
        "sections/events/hostile.part-1.csv",
        "sections/events/hostile.part-2.csv",
        "sections/events/hostile.part-3.csv",
        "sections/empty/none.csv",
        "statement.jws",
        "SHA256SUMS",
        "SHA256SUMS.jws",
      ]);
      const json = Buffer.from(await (await download("json")).arrayBuffer());
      expect((await zip.readAll("report.json")).equals(json)).toBe(true);
      const statement = await (
        await statementRoute(
          new Request(`${base}/reports/${reportId}/statement`, { headers: { authorization: `Bearer ${key.key}` } }),
          ref(reportId),
        )
      ).text();
      expect((await zip.readAll("statement.jws")).toString()).toBe(statement);

      // SHA256SUMS: `sha256sum -c` lines over every other file, in order.
      const expectedSums = await Promise.all(
        zip.names.slice(0, -2).map(async (name) => `${sha256(await zip.readAll(name))}  ${name}\n`),
      );
      expect((await zip.readAll("SHA256SUMS")).toString()).toBe(expectedSums.join(""));

      // Every CSV: BOM, parses cleanly, header then at most 3 data rows, no live formula.
      const document = JSON.parse(json.toString()) as {
        sections: Record<string, { tables: Record<string, Record<string, unknown>[]> }>;
      };
      const allRows: Record<string, string>[] = [];
      for (const name of zip.names.filter((candidate) => candidate.endsWith(".csv"))) {
        const text = (await zip.readAll(name)).toString("utf8");
        expect(text.startsWith(bom)).toBe(true);
        const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
          header: true,
          skipEmptyLines: true,
          delimiter: ",",
        });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data.length).toBeLessThanOrEqual(3);
        for (const row of parsed.data) {
          for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        }
        if (name.startsWith("sections/events/all.")) {
          expect(parsed.meta.fields).toEqual(["id", "occurredAt", "note", "count", "meta"]);
          allRows.push(...parsed.data);
        }
      }
      expect(allRows.map((row) => row.id)).toEqual(document.sections.events!.tables.all!.map((row) => row.id));
      expect(allRows[1]!.meta).toBe(JSON.stringify(document.sections.events!.tables.all![1]!.meta));
      expect((await zip.readAll("sections/empty/none.csv")).toString()).toBe(bom);

      const manifest = Papa.parse<Record<string, string>>((await zip.readAll("manifest.csv")).toString().slice(1), {
        header: true,
        skipEmptyLines: true,
      });
      expect(manifest.errors).toEqual([]);
      expect(manifest.data[0]).toMatchObject({ source: "fake_events", row_count: "7" });

      const readme = (await zip.readAll("README.txt")).toString();
      expect(readme).toContain(reportId);
      expect(readme).toContain("sections/events/all.part-2.csv  3 rows, part 2 of 3 (rows 4-6)");
      expect(readme).toContain("npm run verify -- package.zip --keys jwks.json");
      expect(readme).toContain("sha256sum -c SHA256SUMS");
    } finally {
      zip.close();
    }
    const verified = await verifyEvidencePackage(path.join(directory, "small.zip"), await publishedKeys(), {
      maxDataRows: 3,
    });
    expect(verified).toMatchObject({ valid: true, files: 11 });
  });

  it("gives the same bytes on every download, audits each, and answers 400 for an unknown format", async () => {
    const first = await download("zip");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/evidence\.zip"/);
    const one = Buffer.from(await first.arrayBuffer());
    const two = Buffer.from(await (await download("zip")).arrayBuffer());
    expect(sha256(one)).toBe(sha256(two));
    expect(one.equals(two)).toBe(true);
    const audited = await db.auditEvent.count({
      where: { orgId: org.orgId, action: "compliance.report_downloaded", targetId: reportId },
    });
    expect(audited).toBeGreaterThanOrEqual(2);
    const bad = await download("xlsx");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("format must be json, csv or zip");
  });

  it("passes npm run verify, and a package with one changed or re-signed file fails it", async () => {
    const good = Buffer.from(await (await download("zip")).arrayBuffer());
    const zipPath = await saved("package.zip", good);
    // Kept for CI, which opens it with Debian's unzip and sha256sum (.ci/run).
    fs.mkdirSync(path.join("test-results", "ci"), { recursive: true });
    fs.writeFileSync(path.join("test-results", "ci", "evidence-package.zip"), good);
    const keysPath = await saved("jwks.json", Buffer.from(JSON.stringify({ keys: await publishedKeys() })));
    const run = (file: string) =>
      promisify(execFile)("npx", ["tsx", "scripts/verify.ts", file, "--keys", keysPath]).then(
        ({ stdout }) => ({ code: 0, out: stdout }),
        (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
      );
    const valid = await run(zipPath);
    expect(valid.out).toContain("VALID");
    expect(valid.code).toBe(0);

    // A forged copy: one CSV cell changed, SHA256SUMS recomputed to match (but not re-signed).
    const zip = await readZipEntries(zipPath);
    const files = new Map<string, Buffer>();
    for (const name of zip.names) files.set(name, await zip.readAll(name));
    zip.close();
    const csvName = "sections/events/all.csv";
    files.set(csvName, Buffer.from(files.get(csvName)!.toString().replace("row-000003", "row-999999")));
    const rebuild = async (name: string, entries: Map<string, Buffer>) => {
      const out = new yazl.ZipFile();
      for (const [entry, bytes] of entries) out.addBuffer(bytes, entry, { compress: false });
      out.end();
      const parts: Buffer[] = [];
      for await (const chunk of out.outputStream) parts.push(chunk as Buffer);
      return saved(name, Buffer.concat(parts));
    };
    const tampered = await run(await rebuild("tampered.zip", files));
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(`NOT VALID: ${csvName}`);

    const sums = [...files.entries()]
      .filter(([name]) => name !== "SHA256SUMS" && name !== "SHA256SUMS.jws")
      .map(([name, bytes]) => `${sha256(bytes)}  ${name}\n`)
      .join("");
    files.set("SHA256SUMS", Buffer.from(sums));
    const resummed = await run(await rebuild("resummed.zip", files));
    expect(resummed.code).toBe(1);
    expect(resummed.out).toContain("NOT VALID: SHA256SUMS is not the text SHA256SUMS.jws signed");
  }, 60_000);
});

// The package renders in a thread of its own per download: it waits while the
// client does not read, and it ends with the download however that ends.
describe("evidence package thread", () => {
  let largeReportId: string;
  beforeAll(async () => {
    // Larger than what the thread may send ahead of the client (a few MiB).
    largeReportId = await createCompletedReport(40_000);
  }, 120_000);

  it("waits for a client that stops reading, then sends the rest, and ends once the package is read", async () => {
    const whole = Buffer.from(await (await download("zip", largeReportId)).arrayBuffer());
    expect(whole.length).toBeGreaterThan(8 * 1024 * 1024);
    await waitUntil(() => countPackageThreads() === 0, "the first download's thread to end");

    const reader = (await download("zip", largeReportId)).body!.getReader();
    const parts: Uint8Array[] = [];
    const first = await reader.read();
    parts.push(first.value!);
    // A package this size renders in far less: a thread still running is one held back by the client.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(countPackageThreads()).toBe(1);
    for (let next = await reader.read(); !next.done; next = await reader.read()) parts.push(next.value);
    expect(Buffer.concat(parts).equals(whole)).toBe(true);
    await waitUntil(() => countPackageThreads() === 0, "the thread to end after the last byte");
  }, 60_000);

  it("hands the client at most 256 KiB a turn of the event loop, even when the thread has sent pieces ahead", async () => {
    const reader = (await download("zip", largeReportId)).body!.getReader();
    expect((await reader.read()).done).toBe(false);
    // The thread fills what it may send ahead: those pieces wait on this thread, ready to be read at once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    let turns = 0;
    let isTicking = true;
    const tick = () => {
      turns += 1;
      if (isTicking) setImmediate(tick);
    };
    setImmediate(tick);
    // The body stream may hold one piece read before the wait: the count starts after it.
    expect((await reader.read()).done).toBe(false);
    let bytesRead = 0;
    let bytesThisTurn = 0;
    let mostBytesInOneTurn = 0;
    let turnOfLastRead = turns;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      bytesRead += next.value.byteLength;
      bytesThisTurn = turns === turnOfLastRead ? bytesThisTurn + next.value.byteLength : next.value.byteLength;
      mostBytesInOneTurn = Math.max(mostBytesInOneTurn, bytesThisTurn);
      turnOfLastRead = turns;
    }
    isTicking = false;
    expect(bytesRead).toBeGreaterThan(3 * packageBatchBytes);
    // Pieces are at most a stored chunk's size, so a turn ends within one piece of the limit.
    expect(mostBytesInOneTurn).toBeGreaterThan(0);
    expect(mostBytesInOneTurn).toBeLessThanOrEqual(downloadBytesPerTurn + packagePieceBytes);
    await waitUntil(() => countPackageThreads() === 0, "the thread to end after the last byte");
  }, 60_000);

  it("ends the thread when the client goes away mid-download", async () => {
    const reader = (await download("zip", largeReportId)).body!.getReader();
    expect((await reader.read()).done).toBe(false);
    expect(countPackageThreads()).toBe(1);
    await reader.cancel();
    await waitUntil(() => countPackageThreads() === 0, "the aborted download's thread to end");
  }, 60_000);

  it("renders at most PACKAGE_THREADS packages at once: the next waits in line, and past the wait is refused 503 unaudited", async () => {
    const saved = { threads: process.env.PACKAGE_THREADS, wait: process.env.PACKAGE_WAIT_SECONDS };
    process.env.PACKAGE_THREADS = "1";
    process.env.PACKAGE_WAIT_SECONDS = "1";
    const downloadsAudited = () =>
      db.auditEvent.count({
        where: { orgId: org.orgId, action: "compliance.report_downloaded", targetId: largeReportId },
      });
    try {
      const whole = Buffer.from(await (await download("zip", largeReportId)).arrayBuffer());
      await waitUntil(() => countPackageThreads() === 0, "the first download's thread to end");

      const holding = (await download("zip", largeReportId)).body!.getReader();
      const parts: Uint8Array[] = [(await holding.read()).value!];
      const audited = await downloadsAudited();

      const started = Date.now();
      const refused = await download("zip", largeReportId);
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("10");
      expect((await refused.json()).error).toMatchObject({
        code: "server_busy",
        details: { retryAfterSeconds: 10 },
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(countPackageThreads()).toBe(1);
      expect(await downloadsAudited()).toBe(audited);

      // One waiting in line gets the slot as soon as the holder's download ends.
      const waiting = download("zip", largeReportId);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (let next = await holding.read(); !next.done; next = await holding.read()) parts.push(next.value);
      expect(Buffer.concat(parts).equals(whole)).toBe(true);
      const served = await waiting;
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(whole)).toBe(true);
      expect(await downloadsAudited()).toBe(audited + 1);
      await waitUntil(() => countPackageThreads() === 0, "the last download's thread to end");
    } finally {
      for (const [name, value] of [
        ["PACKAGE_THREADS", saved.threads],
        ["PACKAGE_WAIT_SECONDS", saved.wait],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, 60_000);
});
