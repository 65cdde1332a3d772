// A population: the rows of one source under one filter, readable three ways:
// counted in the database, its first/last row found on the (time, id) index,
// and read in (time, id) order, whole or in keyset pages (createSqlPopulation). The manifest and the section
// tables are built from the same object, so they cannot disagree on the filter.
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { RowJsonBatch } from "./report-definition";

/** A row's position in (time, id) order. */
export type Keyset = { at: Date; id: string };

export type PopulationSource<Row> = {
  /** e.g. `audit_events[user_access]` */
  source: string;
  /** The filter actually applied, in words an auditor can check. */
  filter: string;
  /** The table read, e.g. "AuditEvent". */
  table: string;
  /** The same filter as SQL over `table`'s unqualified columns, time range included: section counts run it too. */
  where: Prisma.Sql;
  count(): Promise<number>;
  /** The first (`asc`) or last (`desc`) row's key, or null when empty. */
  edge(direction: "asc" | "desc"): Promise<Keyset | null>;
  /** Up to `take` rows after `after` (exclusive), ascending by (time, id). */
  page(after: Keyset | null, take: number): Promise<Row[]>;
  /**
   * The whole population ascending by (time, id), in batches: keyset pages of
   * `batchRows` rows on SQLite, or as one COPY's pieces arrive on PostgreSQL.
   */
  read(batchRows: number, options?: PopulationReadOptions): AsyncIterable<Row[]>;
  /**
   * The whole population as `read` gives it, each row as the JSON text
   * `rendering` makes for this database; undefined where it has none for it.
   */
  readJson(rendering: RowJsonRendering, batchRows: number): AsyncIterable<RowJsonBatch> | undefined;
  keyOf(row: Row): Keyset;
};

export type PopulationReadOptions = {
  /**
   * The read waits while the build queries through the pool (a read started
   * ahead, start-population-read.ts): on PostgreSQL its COPY then takes a
   * connection outside the pool, so it never holds the one those queries need.
   */
  besideQueries?: boolean;
};

/**
 * A row function's rows rendered without node building them, each exactly
 * JSON.stringify of the row the function would make (tests/api/row-json.test.ts).
 */
export type RowJsonRendering = {
  /** SQLite renders the row itself: a json_object expression over the population table's columns. */
  sqlite: Prisma.Sql;
  /**
   * PostgreSQL: the row's JSON text from a line of COPY text of `columns`
   * (over the population table), which the population streams for it.
   */
  postgres?: { columns: Prisma.Sql; renderLine(line: string): string };
};

/** A time column's range: from `gte` (inclusive, optional) to `lt` (exclusive). */
export type TimeRange = { gte?: Date; lt: Date };

/**
 * The time range of one keyset page: the population's range with its lower
 * bound raised to the cursor. One lower bound matters: given both the period
 * start and the cursor, SQLite 3.53 (better-sqlite3 12) ranges the index from
 * the period start and filters up to the cursor, which made every page slower
 * than the last (docs/benchmarks.md, keyset page range).
 */
export function pageTimeRange(range: TimeRange, after: Keyset | null): TimeRange {
  if (!after) return range;
  return { gte: range.gte && range.gte > after.at ? range.gte : after.at, lt: range.lt };
}
