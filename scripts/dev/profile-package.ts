// Dev tool: where an evidence package's time goes. Renders the newest completed
// SOC2 (or given type) report's package in-process (no server, no socket) and
// times it whole and in its steps, each step adding one piece of the work:
// reading the stored chunks, scanning lines, parsing rows, encoding CSV,
// UTF-8 encoding, SHA-256, CRC32 (what yazl does per entry).
// Usage: DATABASE_URL=file:… node --import tsx scripts/dev/profile-package.ts [soc2|gdpr|audit] [steps|package|thread]
// (package: the whole package rendered on this thread; thread: through a
// download's package thread, as the server does, minus HTTP;
// `node --cpu-prof --import tsx …` for a profile; `npm run bench` leaves its last runs' reports.)
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { createCsvRowEncoder, type CsvRowEncoder } from "@/lib/compliance/csv/create-csv-row-encoder";
import { createCsvRowTranscoder, type CsvRowTranscoder } from "@/lib/compliance/csv/create-csv-row-transcoder";
import { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import { readArtifactBytes } from "@/lib/compliance/artifacts/read-artifact-bytes";
import { renderEvidencePackage } from "@/lib/compliance/package/render-evidence-package";
import { reservePackageThread } from "@/lib/compliance/package/spawn-package-thread";
import { streamEvidencePackage } from "@/lib/compliance/package/stream-evidence-package";
import { databaseUrlOf } from "@/lib/db/raw-sql-of";
import { createReportDocumentScanner, type ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";
import { db } from "@/lib/db";

const crc32 = createRequire(import.meta.url)("buffer-crc32") as { unsigned(bytes: Buffer): number };

async function main() {
  const type = (process.argv[2] ?? "soc2") as "soc2" | "gdpr" | "audit";
  const mode = process.argv[3] ?? "steps";
  const artifact = await db.reportArtifact.findFirst({
    where: { format: "json", report: { type, status: "completed" } },
    orderBy: { createdAt: "desc" },
    select: { id: true, byteSize: true, chunkCount: true, reportId: true, sha256: true },
  });
  if (!artifact) throw new Error(`No completed ${type} report: run npm run bench first`);
  const read = () => readArtifactBytes(db, artifact);
  const mb = artifact.byteSize / 1e6;
  const time = async (label: string, run: () => Promise<number | void>) => {
    const started = performance.now();
    const out = await run();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(44)} ${seconds.toFixed(2).padStart(6)} s  ${(mb / seconds).toFixed(0).padStart(5)} MB/s of JSON` +
        (typeof out === "number"
          ? `  (${(out / 1e6).toFixed(1)} MB out, ${(out / 1e6 / seconds).toFixed(0)} MB/s)`
          : ""),
    );
  };

  if (mode === "package" || mode === "thread") {
    const statement = await db.reportStatement.findFirstOrThrow({
      where: { reportId: artifact.reportId },
      select: { jws: true, signedAt: true },
    });
    const signSums = async () => "signature";
    await time(
      `whole package, ${mode === "thread" ? "through its thread" : "on this thread"} (no socket)`,
      async () => {
        let bytes = 0;
        if (mode === "package") {
          const input = { readJson: read, jsonSha256: artifact.sha256!, statementJws: statement.jws };
          await renderEvidencePackage({ ...input, modifiedAt: statement.signedAt, signSums }, (piece) => {
            bytes += piece.byteLength;
          });
          return bytes;
        }
        const body = streamEvidencePackage({
          databaseUrl: databaseUrlOf(db),
          artifact,
          jsonSha256: artifact.sha256!,
          statementJws: statement.jws,
          modifiedAt: statement.signedAt,
          signSums,
          slot: await reservePackageThread(),
        });
        const reader = body.getReader();
        for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.byteLength;
        return bytes;
      },
    );
    return;
  }

  const rowsPass = async (perRow: (bytes: Buffer, start: number, end: number) => number) => {
    let out = 0;
    const visitor: ReportDocumentVisitor = {
      header() {},
      manifestEntry() {},
      sectionStart() {},
      tableStart() {},
      row(bytes, start, end) {
        out += perRow(bytes, start, end);
      },
      tableEnd() {},
      sectionEnd() {},
    };
    const scanner = createReportDocumentScanner(visitor);
    for await (const chunk of read()) scanner.push(chunk);
    scanner.end();
    return out;
  };

  await time("read chunks", async () => {
    let bytes = 0;
    for await (const chunk of read()) bytes += chunk.byteLength;
    return bytes;
  });
  await time("read + SHA-256", async () => {
    const hash = createHash("sha256");
    for await (const chunk of read()) hash.update(chunk);
  });
  await time("read + CRC32 (buffer-crc32, as yazl)", async () => {
    let crc = 0;
    for await (const chunk of read())
      crc ^= crc32.unsigned(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    return crc * 0;
  });
  await time("read + scan lines", () => rowsPass(() => 0));
  await time("read + scan + JSON.parse rows", () =>
    rowsPass((b, s, e) => (JSON.parse(b.toString("utf8", s, e)) ? 0 : 0)),
  );
  // One encoder per key set, as the package makes one per table.
  const encoders = new Map<string, CsvRowEncoder>();
  const encode = (b: Buffer, s: number, e: number) => {
    const row = JSON.parse(b.toString("utf8", s, e)) as ReportRow;
    const keys = Object.keys(row);
    const id = keys.join(",");
    let encoder = encoders.get(id);
    if (!encoder) encoders.set(id, (encoder = createCsvRowEncoder(keys, id)));
    return encoder.encode(row);
  };
  await time("… + CSV encode (string)", () => rowsPass((b, s, e) => encode(b, s, e).length));
  // The package's way: each row's JSON text straight to CSV bytes (one transcoder a table, its first row names the columns).
  await time("read + scan + transcode rows to bytes", async () => {
    const out = new GrowableBytes();
    let transcoder: CsvRowTranscoder | null = null;
    let written = 0;
    const visitor: ReportDocumentVisitor = {
      header() {},
      manifestEntry() {},
      sectionStart() {},
      tableStart() {
        transcoder = null;
      },
      row(b, s, e) {
        if (!transcoder) {
          const columns = Object.keys(JSON.parse(b.toString("utf8", s, e)) as object);
          transcoder = createCsvRowTranscoder(columns, "profile");
        }
        transcoder.write(b, s, e, out);
        if (out.length > 64 * 1024) {
          written += out.length;
          out.length = 0;
        }
      },
      tableEnd() {},
      sectionEnd() {},
    };
    const scanner = createReportDocumentScanner(visitor);
    for await (const chunk of read()) scanner.push(chunk);
    scanner.end();
    return written + out.length;
  });
  await time("… + UTF-8 Buffer per row", () => rowsPass((b, s, e) => Buffer.byteLength(encode(b, s, e))));
  let pending = "";
  const batched = (flush: (bytes: Buffer) => void) => (b: Buffer, s: number, e: number) => {
    pending += encode(b, s, e);
    if (pending.length < 64 * 1024) return 0;
    const bytes = Buffer.from(pending, "utf8");
    pending = "";
    flush(bytes);
    return bytes.byteLength;
  };
  await time("… + UTF-8 per 64 Ki chars", () => rowsPass(batched(() => undefined)));
  const hash = createHash("sha256");
  await time("… + SHA-256", () => rowsPass(batched((bytes) => hash.update(bytes))));
  await time("… + SHA-256 + CRC32", () =>
    rowsPass(
      batched((bytes) => {
        hash.update(bytes);
        crc32.unsigned(bytes);
      }),
    ),
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
