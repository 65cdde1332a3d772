// A population: the rows of one source under one filter, readable three ways:
// counted in the database, its first/last row found on the (time, id) index,
// and read in keyset pages in (time, id) order. The manifest and the section
// tables are built from the same object, so they cannot disagree on the filter.

/** A row's position in (time, id) order. */
export type Keyset = { at: Date; id: string };

export type PopulationSource<Row> = {
  /** e.g. `audit_events[user_access]` */
  source: string;
  /** The filter actually applied, in words an auditor can check. */
  filter: string;
  count(): Promise<number>;
  /** The first (`asc`) or last (`desc`) row's key, or null when empty. */
  edge(direction: "asc" | "desc"): Promise<Keyset | null>;
  /** Up to `take` rows after `after` (exclusive), ascending by (time, id). */
  page(after: Keyset | null, take: number): Promise<Row[]>;
  keyOf(row: Row): Keyset;
};

/** A time column's range: from `gte` (inclusive, optional) to `lt` (exclusive). */
export type TimeRange = { gte?: Date; lt: Date };

/**
 * The time range of one keyset page: the population's range with its lower
 * bound raised to the cursor. One lower bound matters: given both the period
 * start and the cursor, SQLite 3.53 (better-sqlite3 12) ranges the index from
 * the period start and filters up to the cursor, which made every page slower
 * than the last (2 s per page a year in, against 15 ms).
 */
export function pageTimeRange(range: TimeRange, after: Keyset | null): TimeRange {
  if (!after) return range;
  return { gte: range.gte && range.gte > after.at ? range.gte : after.at, lt: range.lt };
}

/** Prisma `where` for "after this cursor" in (time, id) order; `field` is the model's time column. */
export function afterKeyset<F extends string>(field: F, after: Keyset) {
  return {
    OR: [
      { [field]: { gt: after.at } } as Record<F, { gt: Date }>,
      { [field]: after.at, id: { gt: after.id } } as Record<F, Date> & { id: { gt: string } },
    ],
  };
}

/** Prisma `orderBy` for (time, id) in one direction. */
export function keysetOrder<F extends string, D extends "asc" | "desc">(field: F, direction: D) {
  return [{ [field]: direction } as Record<F, D>, { id: direction }];
}

/** The key of an edge row found with `select: { id, <time> }`. */
export function toKeyset<F extends string>(field: F, row: (Record<F, Date> & { id: string }) | null): Keyset | null {
  return row ? { at: row[field], id: row.id } : null;
}
