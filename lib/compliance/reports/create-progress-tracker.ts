import type { ReportOutput } from "@/lib/compliance/reports/report-definition";

export type ProgressTracker = {
  /** Records `rows` more rows written and reports the new percentage (the engine throttles writes). */
  advance(rows: number): Promise<void>;
};

/**
 * Progress as the share of the manifest's rows written so far, mapped into
 * 5–95 %: the manifest queries come before, the engine's finish after.
 */
export function createProgressTracker(output: ReportOutput, totalRows: number): ProgressTracker {
  let done = 0;
  return {
    async advance(rows) {
      done += rows;
      const share = totalRows > 0 ? Math.min(done / totalRows, 1) : 1;
      await output.reportProgress(5 + share * 90);
    },
  };
}
