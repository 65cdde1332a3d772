// Section counts over a population: one GROUP BY in the database over the
// population's own condition (the one its manifest entry and table use), so a
// count can never cover other rows than the table beside it.
import type { Database } from "@/lib/db";
import { quoteColumn, type SqlCondition } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { PopulationSource } from "./population-source";

/** One group: its value of each grouping column (as text, or null) and its row count. */
export type GroupCount<Column extends string> = Record<Column, string | null> & { count: number };

/**
 * Grouping columns computed from each row rather than stored (an event's UTC
 * day): grouped on `key`, answered as the text `text` makes of it, by name.
 */
export type DerivedGroupColumns = Readonly<Record<string, { key: Prisma.Sql; text: (key: Prisma.Sql) => Prisma.Sql }>>;

/** What a grouping column is grouped on. */
export function groupKeyOf(column: string, derived?: DerivedGroupColumns): Prisma.Sql {
  return derived?.[column]?.key ?? quoteColumn(column);
}

/** A grouping column's answer (text, for a derived one), as an expression over the grouping. */
export function groupTextOf(column: string, derived?: DerivedGroupColumns): Prisma.Sql {
  const computed = derived?.[column];
  return computed ? computed.text(computed.key) : quoteColumn(column);
}

/**
 * The population's rows (narrowed by `and`, when given) counted by `by`,
 * ordered by `orderBy` (default `by`), ascending as each database sorts. Runs
 * through Prisma, so on SQLite it takes the report worker's query thread.
 */
export async function countPopulationGroups<Column extends string>(
  db: Database,
  population: Pick<PopulationSource<unknown>, "table" | "where">,
  by: readonly Column[],
  {
    and,
    orderBy = by,
    derived,
  }: { and?: SqlCondition; orderBy?: readonly Column[]; derived?: DerivedGroupColumns } = {},
): Promise<Array<GroupCount<Column>>> {
  const where = and ? Prisma.sql`${population.where} AND ${and.sql}` : population.where;
  const columns = by.map((column) => Prisma.sql`${groupTextOf(column, derived)} AS ${quoteColumn(column)}`);
  const groupBy =
    by.length > 0 ? Prisma.sql`GROUP BY ${Prisma.join(by.map((column) => groupKeyOf(column, derived)))}` : Prisma.empty;
  const order =
    orderBy.length > 0
      ? Prisma.sql`ORDER BY ${Prisma.join(orderBy.map((column) => Prisma.sql`${groupTextOf(column, derived)} ASC`))}`
      : Prisma.empty;
  const select = columns.length > 0 ? Prisma.sql`${Prisma.join(columns)}, ` : Prisma.empty;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${select}COUNT(*) AS "count"
      FROM ${quoteColumn(population.table)}
     WHERE ${where}
     ${groupBy}
     ${order}`;
  return rows.map((row) => {
    const group: Record<string, string | number | null> = { count: Number(row.count) };
    for (const column of by) group[column] = toGroupValue(row[column]);
    return group as GroupCount<Column>;
  });
}

/** The row count of the population narrowed by `and`. */
export async function countPopulationRows(
  db: Database,
  population: Pick<PopulationSource<unknown>, "table" | "where">,
  and?: SqlCondition,
): Promise<number> {
  const [total] = await countPopulationGroups(db, population, [], { and });
  return total?.count ?? 0;
}

/** A grouping column's value as the database returned it, as text (or null). */
export function toGroupValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : String(value);
}
