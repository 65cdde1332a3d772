// The two artifacts of a report attempt, as the document writer sees them:
// it produces the JSON text, and everything below that (storing the JSON,
// rendering the CSV from the same rows, storing the CSV, hashing both) happens
// behind this interface, in the report's thread or in a thread of its own.
import type { ArtifactTotals } from "@/lib/compliance/artifacts/artifact-writer";
import type { ReportLease } from "@/lib/compliance/lease/report-lease";

/** The renderings a report attempt stores. */
export type ArtifactFormat = "json" | "csv";

export type ReportArtifactsSpec = {
  lease: ReportLease;
  jsonArtifactId: string;
  csvArtifactId: string;
  /** The report's CSV columns after the fixed `section,table`. */
  csvColumns: readonly string[];
  chunkBytes: number;
  leaseSeconds: number;
};

/**
 * One batch of a table's rows: their JSON texts joined by ",\n", and what
 * precedes them in the document; the artifacts render the CSV lines from
 * `rowsJson`.
 */
export type RowBatch = { section: string; table: string; separator: string; rowsJson: string };

export type ArtifactTotalsPair = { json: ArtifactTotals; csv: ArtifactTotals };

export interface ReportArtifacts {
  /** JSON document text between tables: header, manifest, section and table framing. */
  writeJson(text: string): Promise<void>;
  /** Rows into the JSON document (after `separator`) and, as lines, into the CSV. */
  writeRows(batch: RowBatch): Promise<void>;
  /** Stores what is left and returns both artifacts' totals. */
  finish(): Promise<ArtifactTotalsPair>;
  /** Stops without finishing; once it resolves nothing more is stored. Idempotent. */
  abort(): Promise<void>;
}

export type OpenReportArtifacts = (spec: ReportArtifactsSpec) => ReportArtifacts;
