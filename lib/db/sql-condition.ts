// A condition written once and rendered twice: as SQL over a table's
// unqualified columns (what the database runs) and as words (what the
// population manifest tells an auditor). Built from column descriptions, so
// the two renderings cannot drift apart.
import { Prisma } from "@/lib/generated/sqlite/client";

export type SqlCondition = {
  readonly sql: Prisma.Sql;
  /** The condition in words; null when it restricts nothing worth stating. */
  readonly text: string | null;
};

export type SqlValue = string | number;

/** Matches every row: `1 = 1`, nothing to state. */
export const everyRow: SqlCondition = { sql: Prisma.sql`1 = 1`, text: null };

export function columnEquals(column: string, value: SqlValue): SqlCondition {
  return { sql: Prisma.sql`${quoteColumn(column)} = ${value}`, text: `${column} = ${value}` };
}

/**
 * `column IN (values)`. `oneAsEquals` words a single value as `column = value`
 * (the SQL stays an IN list, so one statement serves any number of values).
 */
export function columnIn(
  column: string,
  values: readonly SqlValue[],
  { oneAsEquals = false }: { oneAsEquals?: boolean } = {},
): SqlCondition {
  if (values.length === 0) throw new Error(`columnIn(${column}): an empty list matches nothing`);
  const text = oneAsEquals && values.length === 1 ? `${column} = ${values[0]}` : `${column} in (${values.join(", ")})`;
  return { sql: Prisma.sql`${quoteColumn(column)} IN (${Prisma.join([...values])})`, text };
}

export function columnIsNull(column: string): SqlCondition {
  return { sql: Prisma.sql`${quoteColumn(column)} IS NULL`, text: `${column} is null` };
}

/** A boolean column that is true (SQLite's 1, PostgreSQL's true). */
export function columnIsTrue(column: string): SqlCondition {
  return { sql: quoteColumn(column), text: column };
}

/**
 * An exact, case-sensitive prefix on both databases: `substr(column, 1, n) =
 * prefix`, after a LIKE that rules out most rows more cheaply. LIKE alone
 * would read `_` and `%` in the prefix as wildcards (`api_key.` would match
 * `apiXkey.`), and SQLite's LIKE ignores ASCII case.
 */
export function columnStartsWith(column: string, prefix: string): SqlCondition {
  return { sql: prefixEquals(column, prefix), text: `${column} starts with "${prefix}"` };
}

export function columnDoesNotStartWith(column: string, prefix: string): SqlCondition {
  return { sql: Prisma.sql`NOT ${prefixEquals(column, prefix)}`, text: `${column} does not start with "${prefix}"` };
}

function prefixEquals(column: string, prefix: string): Prisma.Sql {
  // Both databases count substr() in characters; an ASCII prefix has as many as JavaScript counts.
  if (!/^[\x20-\x7e]+$/.test(prefix))
    throw new Error(`A prefix must be printable ASCII, got ${JSON.stringify(prefix)}`);
  // A literal, not a bound value: the pattern is built from code's own prefixes, its quotes doubled.
  const pattern = `'${prefix.replace(/[\\_%]/g, "\\$&").replace(/'/g, "''")}%'`;
  const name = quoteColumn(column);
  return Prisma.sql`(${name} LIKE ${Prisma.raw(pattern)} ESCAPE '\\' AND substr(${name}, 1, ${Prisma.raw(String(prefix.length))}) = ${prefix})`;
}

/** Every condition: `a AND b`, in words "a and b" (unstated parts left out of the words). */
export function allOf(...conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return everyRow;
  const stated = conditions.map((condition) => condition.text).filter((text): text is string => !!text);
  return {
    sql: Prisma.join(
      conditions.map((condition) => condition.sql),
      " AND ",
    ),
    text: stated.length > 0 ? stated.join(" and ") : null,
  };
}

/** Any condition: `(a OR b)`, in words "(a or b)". */
export function anyOf(...conditions: readonly SqlCondition[]): SqlCondition {
  if (conditions.length === 0) throw new Error("anyOf needs at least one condition");
  return {
    sql: Prisma.sql`(${Prisma.join(
      conditions.map((condition) => condition.sql),
      " OR ",
    )})`,
    text: `(${conditions.map((condition) => condition.text ?? "true").join(" or ")})`,
  };
}

/** A quoted column name; a name is code, never a value, and must look like one. */
export function quoteColumn(name: string): Prisma.Sql {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a column name: ${name}`);
  return Prisma.raw(`"${name}"`);
}
