// The contract between the report engine (job lifecycle, streaming writers,
// storage) and the report builders (what each report type contains).
//
// A builder computes its population manifest with aggregate queries first,
// then streams its sections; the engine renders JSON and CSV from the same
// calls, chunk by chunk, hashing as it writes. Nothing is held whole in memory.
import type { Database } from "@/lib/db";

/**
 * What every stored scope has; a type's own scope (registry.ts) narrows it.
 * Dates are whole UTC days, inclusive: from 00:00:00.000Z to to 23:59:59.999Z.
 */
export type ReportScope = {
  dateRange?: { from: string; to: string };
  agentIds: string[];
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ReportRow = Record<string, JsonValue>;

/**
 * A batch of rows the database rendered as JSON text, one text per row, each
 * exactly what JSON.stringify gives for the row the builder would have made.
 * The large populations come this way where a rendering exists for the
 * database (population-source.ts, RowJsonRendering): node then builds no
 * record, row object or string per value.
 */
export type RowJsonBatch = { readonly rowJson: readonly string[] };

/**
 * A table's rows: in memory, or streamed as batches (a population read from
 * the database). Batches, not single rows: awaiting each row costs the report
 * thread too much (docs/benchmarks.md).
 */
export type TableRows = Iterable<ReportRow> | AsyncIterable<readonly ReportRow[] | RowJsonBatch>;

/** Per source: what was read, and enough to prove the population is complete. */
export type ManifestEntry = {
  source: string;
  /** Human-readable filter actually applied, e.g. "orgId = …, occurredAt in [2026-01-01, 2026-01-31], agentId in (…)" */
  filter: string;
  rowCount: number;
  first: { at: string; id: string } | null;
  last: { at: string; id: string } | null;
};

export type SectionHeader = {
  title: string;
  description: string;
  /** e.g. ["CC6.1", "CC6.2"] for SOC2 Trust Services Criteria; [] otherwise */
  criteria: string[];
  /** Small aggregated figures (counts, totals), computed in the database. */
  summary: Record<string, JsonValue>;
};

export interface ReportOutput {
  /** Written once, before any section. */
  writeManifest(entries: ManifestEntry[]): Promise<void>;
  startSection(key: string, header: SectionHeader): Promise<void>;
  /**
   * Streams one table of the current section: a JSON array under
   * sections[key].tables[name], and CSV lines `section=key, table=name, …`.
   * Every row key must be one of the definition's csvColumns. Returns the row count.
   */
  writeTable(name: string, rows: TableRows): Promise<number>;
  endSection(): Promise<void>;
  /** 0–100; the engine throttles writes and renews the lease. Throws if the lease was lost. */
  reportProgress(percent: number): Promise<void>;
}

export type BuildContext<Scope extends ReportScope = ReportScope> = {
  db: Database;
  report: { id: string; orgId: string; type: string; title: string; scope: Scope };
  /** Used to abort between pages when the worker is stopping. Throws when aborted. */
  checkpoint(): void;
};

/** The engine's side of a report type: its CSV columns and its builder (the full type: report-type-definition.ts). */
export type ReportDefinition<Scope extends ReportScope = ReportScope> = {
  type: string;
  /** CSV columns after the fixed leading `section` and `table` columns, identical on every line. */
  csvColumns: readonly string[];
  build(ctx: BuildContext<Scope>, output: ReportOutput): Promise<void>;
};
