// Several section counts over one population at once. Where the database has
// grouping sets, one scan computes them all: each grouping was otherwise a
// scan of the period's rows of its own (docs/benchmarks.md, grouping sets).
// Elsewhere each grouping is one query, as countPopulationGroups runs it.
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import type { Database } from "@/lib/db";
import { quoteColumn, type SqlCondition } from "@/lib/db/sql-condition";
import { Prisma } from "@/lib/generated/sqlite/client";
import {
  countPopulationGroups,
  groupKeyOf,
  groupTextOf,
  toGroupValue,
  type DerivedGroupColumns,
  type GroupCount,
} from "./count-population-groups";
import type { PopulationSource } from "./population-source";

/** One list of groups per grouping, each typed by its own columns. */
export type GroupCountsOf<Sets extends readonly (readonly string[])[]> = {
  -readonly [Index in keyof Sets]: Array<GroupCount<Sets[Index][number]>>;
};

/**
 * For each grouping in `sets`, what countPopulationGroups(db, population, by,
 * { and, derived }) answers: the same groups in the same order. The grouping
 * columns must all be text, or derived as text (they are compared and sorted
 * as such across groupings).
 */
export async function countPopulationGroupSets<const Sets extends readonly (readonly string[])[]>(
  db: Database,
  population: Pick<PopulationSource<unknown>, "table" | "where">,
  sets: Sets,
  { and, derived }: { and?: SqlCondition; derived?: DerivedGroupColumns } = {},
): Promise<GroupCountsOf<Sets>> {
  const columns = [...new Set(sets.flat())];
  const masks = sets.map((by) => groupingMaskOf(columns, by));
  const distinct = new Set(masks).size === sets.length;
  if (reportEngineProfileOf(db).groupCounts !== "grouping-sets" || sets.length < 2 || !distinct) {
    return (await Promise.all(
      sets.map((by) => countPopulationGroups(db, population, by, { and, derived })),
    )) as GroupCountsOf<Sets>;
  }
  const where = and ? Prisma.sql`${population.where} AND ${and.sql}` : population.where;
  // GROUPING(all columns): a bit per column, set where the row's grouping leaves it out.
  const key = (column: string) => groupKeyOf(column, derived);
  const text = (column: string) => groupTextOf(column, derived);
  const grouping = Prisma.sql`GROUPING(${Prisma.join(columns.map(key))})`;
  const groupingSets = Prisma.join(
    sets.map((by) => (by.length > 0 ? Prisma.sql`(${Prisma.join(by.map(key))})` : Prisma.sql`()`)),
  );
  // Each grouping's rows in its own column order, as its own ORDER BY would put them.
  const longest = Math.max(...sets.map((by) => by.length));
  const orderBy = [Prisma.sql`${grouping} ASC`];
  for (let position = 0; position < longest; position++) {
    const arms = sets.flatMap((by, index) =>
      by[position] === undefined
        ? []
        : [Prisma.sql`WHEN ${Prisma.raw(String(masks[index]))} THEN ${text(by[position]!)}`],
    );
    orderBy.push(Prisma.sql`CASE ${grouping} ${Prisma.join(arms, " ")} END ASC`);
  }
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${Prisma.join(columns.map((column) => Prisma.sql`${text(column)} AS ${quoteColumn(column)}`))},
           ${grouping} AS "grouping", COUNT(*) AS "count"
      FROM ${quoteColumn(population.table)}
     WHERE ${where}
     GROUP BY GROUPING SETS (${groupingSets})
     ORDER BY ${Prisma.join(orderBy)}`;
  const bySet = new Map(masks.map((mask) => [mask, [] as Array<GroupCount<string>>]));
  for (const row of rows) {
    const mask = Number(row.grouping);
    const by = sets[masks.indexOf(mask)]!;
    const group: Record<string, string | number | null> = { count: Number(row.count) };
    for (const column of by) group[column] = toGroupValue(row[column]);
    bySet.get(mask)!.push(group as GroupCount<string>);
  }
  return masks.map((mask) => bySet.get(mask)!) as GroupCountsOf<Sets>;
}

/** GROUPING()'s value for rows of the grouping `by`: the first column is the highest bit. */
function groupingMaskOf(columns: readonly string[], by: readonly string[]): number {
  return columns.reduce(
    (mask, column, index) => (by.includes(column) ? mask : mask | (1 << (columns.length - 1 - index))),
    0,
  );
}
