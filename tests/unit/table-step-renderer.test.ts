// A package's table files are the same bytes however report.json's second
// read is cut into pieces and however many renderers share those pieces (a
// download's tables threads each render every n-th piece and only follow the
// document through the others): rows and tables that span pieces, parts split
// mid-piece, empty tables and the end all come out once, in order.
import { describe, expect, it } from "vitest";
import { createReportArtifacts } from "@/lib/compliance/artifacts/create-report-artifacts";
import type { ArtifactSink } from "@/lib/compliance/artifacts/artifact-writer";
import { ReportDocumentWriter } from "@/lib/compliance/artifacts/report-document-writer";
import { createTableStepRenderer, type TableStep } from "@/lib/compliance/package/create-table-step-renderer";
import { planPackageFiles, type TablePlan } from "@/lib/compliance/package/plan-package-files";
import { createReportDocumentIndexer } from "@/lib/compliance/package/report-document-index";
import { createReportDocumentScanner } from "@/lib/compliance/package/scan-report-document";
import type { ReportRow } from "@/lib/compliance/reports/report-definition";

function memorySink(): ArtifactSink & { bytes: () => Buffer } {
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

const columns = ["id", "note", "nested"];
const rows: ReportRow[] = Array.from({ length: 60 }, (_, index) => ({
  id: `row-${index}`,
  note: index % 7 === 0 ? `quoted "${index}", ünïcödé 🎉\nnext line` : index % 11 === 0 ? "=SUM(A1)" : `note ${index}`,
  nested: index % 5 === 0 ? { deep: [index, null, "x,y"] } : null,
}));

async function writeDocument(): Promise<Buffer> {
  const json = memorySink();
  const writer = new ReportDocumentWriter({
    artifacts: createReportArtifacts({ json, csv: memorySink() }, columns),
    csvColumns: columns,
    onProgress: async () => {},
    checkpoint: () => {},
    batchRows: 4,
  });
  await writer.begin({ id: "r1", title: "T", scope: { agentIds: [] } });
  await writer.writeManifest([]);
  await writer.startSection("first", { title: "First", description: "d", criteria: ["CC1"], summary: { n: 1 } });
  await writer.writeTable("rows", rows);
  await writer.writeTable("empty", []);
  await writer.writeTable("long", [{ id: "long", note: "x".repeat(5_000), nested: null }]);
  await writer.endSection();
  await writer.startSection("last", { title: "Last", description: "", criteria: [], summary: {} });
  await writer.writeTable("tail", rows.slice(0, 9));
  await writer.endSection();
  await writer.finish();
  return json.bytes();
}

function plansOf(document: Buffer, maxDataRows: number): TablePlan[] {
  const indexer = createReportDocumentIndexer();
  const scanner = createReportDocumentScanner(indexer.visitor);
  scanner.push(document);
  scanner.end();
  return planPackageFiles(indexer.index, maxDataRows);
}

function piecesOf(document: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < document.length; at += size) pieces.push(document.subarray(at, at + size));
  return pieces;
}

/** The files the steps write, in order, each with its bytes and whether it was closed. */
function filesOf(steps: TableStep[]): { path: string; text: string; closed: boolean }[] {
  const files: { path: string; text: string; closed: boolean }[] = [];
  for (const step of steps) {
    if ("open" in step) files.push({ path: step.open, text: "", closed: false });
    else if ("bytes" in step) files[files.length - 1]!.text += step.bytes.toString("utf8");
    else files[files.length - 1]!.closed = true;
  }
  return files;
}

/** The steps of `renderers` renderers taking the pieces in turn, as the package's tables threads do. */
function sharedSteps(plans: TablePlan[], pieces: Buffer[], renderers: number): TableStep[] {
  const lanes = Array.from({ length: renderers }, () => createTableStepRenderer(plans));
  const steps: TableStep[] = [];
  pieces.forEach((piece, index) => {
    lanes.forEach((lane, number) => {
      const rendered = lane.push(piece, index % renderers === number);
      if (index % renderers !== number) expect(rendered).toEqual([]);
      steps.push(...rendered);
    });
  });
  lanes.forEach((lane, number) => steps.push(...lane.end(pieces.length % renderers === number)));
  return steps;
}

describe("table step renderer", () => {
  it("renders the same files whatever the pieces and however many renderers share them", async () => {
    const document = await writeDocument();
    const plans = plansOf(document, 7);
    const expected = filesOf(sharedSteps(plans, [document], 1));
    expect(expected.map((file) => file.path)).toContain("sections/first/rows.part-9.csv");
    expect(expected.every((file) => file.closed)).toBe(true);
    expect(expected.find((file) => file.path === "sections/first/rows.part-1.csv")!.text).toContain(
      '"quoted ""0"", ünïcödé 🎉\nnext line"',
    );
    for (const size of [1, 13, 100, 4096]) {
      for (const renderers of [1, 2, 3]) {
        expect(filesOf(sharedSteps(plans, piecesOf(document, size), renderers)), `${size}/${renderers}`).toEqual(
          expected,
        );
      }
    }
  });

  it("refuses a document that changed since it was planned, whichever renderer renders the change", async () => {
    const document = await writeDocument();
    const plans = plansOf(document, 7);
    const shorter = plans.map((plan) =>
      plan.table === "tail" ? { ...plan, rowCount: 8, files: [{ ...plan.files[1]!, rowCount: 1 }] } : plan,
    );
    for (const renderers of [1, 2]) {
      expect(() => sharedSteps(shorter, piecesOf(document, 100), renderers)).toThrow(/changed between reads/);
    }
  });
});
