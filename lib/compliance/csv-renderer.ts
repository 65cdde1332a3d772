// Where a report's CSV is rendered. The report builder hands over each batch
// of rows as the JSON text it already wrote into the JSON document, so the CSV
// is derived from exactly those values, in this thread or in a thread of its own.
import type { ArtifactTotals } from "@/lib/compliance/artifact-writer";
import type { ReportLease } from "@/lib/compliance/report-lease";

export type CsvArtifactSpec = {
  artifactId: string;
  lease: ReportLease;
  /** The report's CSV columns after the fixed `section,table`. */
  columns: readonly string[];
  chunkBytes: number;
  leaseSeconds: number;
};

export interface CsvRenderer {
  /** One batch of a table: its rows' JSON texts joined by ",\n", as in the JSON document. */
  writeRows(section: string, table: string, rowsJson: string): Promise<void>;
  /** Writes what is left and returns the artifact's totals. */
  finish(): Promise<ArtifactTotals>;
  /** Stops rendering without finishing; once it resolves nothing more is written. Idempotent. */
  abort(): Promise<void>;
}

export type OpenCsvRenderer = (spec: CsvArtifactSpec) => CsvRenderer;
