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
