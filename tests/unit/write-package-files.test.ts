// The package's files from one read of report.json: each table's CSV is
// rendered into a spool file while report.json passes and copied out after
// README and manifest. Whatever the chunking, every file holds exactly what
// the row encoder writes for that table (cut into parts every maxDataRows
// rows, a BOM and the header on each), each sum is its file's SHA-256, the
// spool leaves nothing behind, and a failing sink does not leak it either.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import { ReportDocumentWriter } from "@/lib/compliance/artifacts/report-document-writer";
import { createCsvRowEncoder } from "@/lib/compliance/csv/create-csv-row-encoder";
import { openSpoolFile } from "@/lib/compliance/package/open-spool-file";
import { writePackageFiles, type PackageSink } from "@/lib/compliance/package/write-package-files";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

function memoryArtifact(): ArtifactSink & { bytes: () => Buffer } {
  const pieces: Buffer[] = [];
  return {
    async write(piece: string) {
      pieces.push(Buffer.from(piece, "utf8"));
    },
    async writeBytes(bytes: Uint8Array) {
      pieces.push(Buffer.from(bytes));
    },
    async finish() {
      return { byteSize: 0, sha256: "", chunkCount: 0 };
    },
    async abort() {},
    bytes: () => Buffer.concat(pieces),
  };
}

const rowsOf = (count: number, tag: string): ReportRow[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `${tag}-${index}`,
    note: index % 3 === 0 ? `=formula, "quoted"\n${tag}` : `ünï ${index}`,
    amount: index * 1.5,
  }));

const tables: Array<[section: string, table: string, rows: ReportRow[]]> = [
  ["access", "exact", rowsOf(8, "e")],
  ["access", "empty", []],
  ["access", "over", rowsOf(9, "o")],
  ["vault", "small", rowsOf(3, "s")],
  ["vault", "nested", [{ id: "n", value: { deep: [1, "x\r\n"] } }]],
];

/** The single report CSV's columns: every field any table has. */
const csvColumns = ["id", "note", "amount", "value"];

async function reportJson(): Promise<Buffer> {
  const json = memoryArtifact();
  const writer = new ReportDocumentWriter({
    artifacts: createReportArtifacts({ json, csv: memoryArtifact() }, csvColumns),
    csvColumns,
    onProgress: async () => {},
    checkpoint: () => {},
    batchRows: 2,
  });
  await writer.begin({ id: "r1", title: "T", scope: { agentIds: [] } });
  await writer.writeManifest([]);
  for (const section of ["access", "vault"]) {
    await writer.startSection(section, { title: section, description: "", criteria: [], summary: {} });
    for (const [owner, name, rows] of tables) if (owner === section) await writer.writeTable(name, rows);
    await writer.endSection();
  }
  await writer.finish();
  return json.bytes();
}

function memoryPackage(): PackageSink & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  return {
    files,
    open(filePath) {
      const pieces: Buffer[] = [];
      return {
        write: (bytes) => void pieces.push(Buffer.from(bytes)),
        close: () => void files.set(filePath, Buffer.concat(pieces)),
      };
    },
  };
}

/** The CSV files a table should give, rendered by the row encoder: path → text. */
function expectedCsv(section: string, table: string, rows: ReportRow[], maxDataRows: number): Map<string, string> {
  const stem = `sections/${section}/${table}`;
  if (rows.length === 0) return new Map([[`${stem}.csv`, "\ufeff"]]);
  const encoder = createCsvRowEncoder(Object.keys(rows[0]!), `${section}.${table}`);
  const parts = Math.ceil(rows.length / maxDataRows);
  return new Map(
    Array.from({ length: parts }, (_, part) => [
      parts === 1 ? `${stem}.csv` : `${stem}.part-${part + 1}.csv`,
      "\ufeff" +
        encoder.header +
        rows
          .slice(part * maxDataRows, (part + 1) * maxDataRows)
          .map((row) => encoder.encode(row))
          .join(""),
    ]),
  );
}

const openSpoolFds = () =>
  fs
    .readdirSync("/proc/self/fd")
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return "";
      }
    })
    .filter((target) => target.includes("attest-spool-"));

describe("writePackageFiles", () => {
  it.each([1, 5, 64, 1 << 20])("renders every table's files from one read (chunks of %i bytes)", async (chunkSize) => {
    const json = await reportJson();
    let reads = 0;
    const sink = memoryPackage();
    const { sums } = await writePackageFiles(
      {
        readJson: async function* () {
          reads += 1;
          for (let at = 0; at < json.length; at += chunkSize) yield json.subarray(at, at + chunkSize);
        },
        statementJws: "a.b.c",
        maxDataRows: 4,
      },
      sink,
    );
    expect(reads).toBe(1);
    const expected = new Map<string, string>();
    for (const [section, table, rows] of tables) {
      for (const [file, text] of expectedCsv(section, table, rows, 4)) expected.set(file, text);
    }
    const csvFiles = [...sink.files.keys()].filter((file) => file.startsWith("sections/"));
    expect(csvFiles).toEqual([...expected.keys()]);
    for (const [file, text] of expected) expect(sink.files.get(file)!.toString("utf8")).toBe(text);
    expect(sink.files.get("report.json")!.equals(json)).toBe(true);
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    expect(sums).toBe([...sink.files].map(([file, bytes]) => `${sha256(bytes)}  ${file}\n`).join(""));
    expect(openSpoolFds()).toEqual([]);
  });

  it("closes its spool when the sink fails", async () => {
    const json = await reportJson();
    const failing: PackageSink = {
      open: (file) => ({
        write: () => {
          if (file.startsWith("sections/")) throw new Error("client went away");
        },
        close: () => undefined,
      }),
    };
    await expect(
      writePackageFiles(
        {
          readJson: async function* () {
            yield json;
          },
          statementJws: "a.b.c",
        },
        failing,
      ),
    ).rejects.toThrow("client went away");
    expect(openSpoolFds()).toEqual([]);
  });
});

describe("openSpoolFile", () => {
  it("reads back any range in pieces of its own, with no name left in its directory", () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "spool-test-"));
    try {
      const spool = openSpoolFile(directory);
      expect(fs.readdirSync(directory)).toEqual([]);
      const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, index) => index % 251));
      spool.append(bytes.subarray(0, 3_000));
      spool.append(bytes.subarray(3_000));
      expect(spool.size).toBe(10_000);
      const pieces = [...spool.read(1_234, 5_000, 999)];
      expect(pieces.map((piece) => piece.length)).toEqual([999, 999, 999, 999, 999, 5]);
      expect(pieces.every((piece) => piece.byteOffset === 0 && piece.buffer.byteLength === piece.length)).toBe(true);
      expect(Buffer.concat(pieces).equals(bytes.subarray(1_234, 6_234))).toBe(true);
      expect(() => [...spool.read(9_000, 1_001, 100)]).toThrow("outside");
      spool.close();
      expect(() => spool.append(bytes)).toThrow("closed");
      expect(openSpoolFds()).toEqual([]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
