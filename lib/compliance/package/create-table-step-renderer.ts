// The package's second pass: every table's CSV file(s), rendered from the
// stored JSON's chunks as they arrive. The scanner is synchronous; what one
// chunk renders comes back as steps (open a file, bytes, close it) that the
// caller writes, with backpressure, before it pushes the next chunk. Runs in
// the caller's thread (the verifier) or in a download's tables thread.
import { createCsvRowTranscoder, type CsvRowTranscoder } from "@/lib/compliance/csv/create-csv-row-transcoder";
import { GrowableBytes } from "@/lib/compliance/csv/growable-bytes";
import type { TablePlan } from "@/lib/compliance/package/plan-package-files";
import { createReportDocumentScanner, type ReportDocumentVisitor } from "@/lib/compliance/package/scan-report-document";

/** One thing to do with the package's table files, in order. */
export type TableStep = { open: string } | { bytes: Buffer } | { close: true };

export type TableStepRenderer = {
  /**
   * The steps this chunk of report.json completes; each step's bytes are a
   * buffer of their own. With `emit` false the chunk only moves the renderer
   * on (tables, parts, row counts) and renders nothing: another renderer fed
   * the same chunks renders it (the package's table threads share the work).
   */
  push(chunk: Uint8Array, emit?: boolean): TableStep[];
  /** The last steps; throws unless the document held exactly the planned tables and rows. */
  end(emit?: boolean): TableStep[];
};

const bom = "\ufeff";
/** Rendered CSV bytes handed on at a time. */
const csvPieceBytes = 64 * 1024;

export function createTableStepRenderer(plans: readonly TablePlan[]): TableStepRenderer {
  let steps: TableStep[] = [];
  const pending = new GrowableBytes(csvPieceBytes + csvPieceBytes / 2);
  const flushBytes = () => {
    if (pending.length > 0) steps.push({ bytes: pending.take() });
  };
  let planIndex = 0;
  let plan: TablePlan | undefined;
  let part = 0;
  let rowsInPart = 0;
  let transcoder: CsvRowTranscoder | undefined;
  let isEmitting = true;
  const startPart = () => {
    const file = plan!.files[part]!;
    flushBytes();
    steps.push({ open: file.path });
    pending.writeUtf8(bom + (file.columns.length > 0 ? transcoder!.header : ""));
    rowsInPart = 0;
  };
  const endPart = () => {
    flushBytes();
    steps.push({ close: true });
  };
  const tables: ReportDocumentVisitor = {
    header() {},
    manifestEntry() {},
    sectionStart() {},
    tableStart(name) {
      plan = plans[planIndex++];
      if (plan?.table !== name) throw new Error(`report.json changed between reads (table ${name})`);
      part = 0;
      transcoder = createCsvRowTranscoder(plan.columns, `${plan.section}.${plan.table}`);
      startPart();
    },
    row(bytes, start, end) {
      if (rowsInPart === plan!.files[part]!.rowCount) {
        endPart();
        part += 1;
        if (part >= plan!.files.length) throw new Error(`report.json changed between reads (${plan!.table} grew)`);
        startPart();
      }
      if (isEmitting) {
        transcoder!.write(bytes, start, end, pending);
        if (pending.length >= csvPieceBytes) flushBytes();
      }
      rowsInPart += 1;
    },
    tableEnd() {
      if (part !== plan!.files.length - 1 || rowsInPart !== plan!.files[part]!.rowCount) {
        throw new Error(`report.json changed between reads (${plan!.table} shrank)`);
      }
      endPart();
    },
    sectionEnd() {},
  };
  const scanner = createReportDocumentScanner(tables);
  const takeSteps = (): TableStep[] => {
    if (!isEmitting) {
      steps = [];
      pending.clear();
      return [];
    }
    flushBytes();
    const taken = steps;
    steps = [];
    return taken;
  };

  return {
    push(chunk, emit = true) {
      isEmitting = emit;
      scanner.push(chunk);
      return takeSteps();
    },
    end(emit = true) {
      isEmitting = emit;
      scanner.end();
      if (planIndex !== plans.length) throw new Error("report.json changed between reads (tables missing)");
      return takeSteps();
    },
  };
}
