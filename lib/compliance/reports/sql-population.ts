// A population read through the database driver: count, edges and keyset
// pages all run the same SQL condition, so the manifest and the table cannot
// disagree on what was selected. Every report source is one; for the large
// ones (audit events, vault accesses, emails) Prisma's row mapping cost more
// than the database itself.
import type { Database } from "@/lib/db";
import type { DatabaseProvider } from "@/lib/db/database-url";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { Prisma } from "@/lib/generated/sqlite/client";
import { sqlTime, sqlTimeRange } from "./audit-event-selection";
import { pageTimeRange, type Keyset, type PopulationSource, type TimeRange } from "./population-source";

export type SqlPopulationSpec<Row> = {
  source: string;
  filter: string;
  /** The table, e.g. "VaultAccess"; its key is "id". */
  table: string;
  /** The time column rows are ordered and ranged by. */
  timeColumn: string;
  /** The select list; `toRecord` receives its values in this order. */
  columns: Prisma.Sql;
  /** Every condition but time, on unqualified columns of `table`. */
  where: Prisma.Sql;
  range: TimeRange;
  /** A driver row (values in select-list order) as the record the builders read. */
  toRecord(values: unknown[], provider: DatabaseProvider): Row;
  keyOf(row: Row): Keyset;
};

export function createSqlPopulation<Row>(db: Database, spec: SqlPopulationSpec<Row>): PopulationSource<Row> {
  const raw = () => rawSqlOf(db);
  const table = Prisma.raw(quoteIdentifier(spec.table));
  const time = Prisma.raw(quoteIdentifier(spec.timeColumn));
  const inRange = (range: TimeRange) => sqlTimeRange(spec.timeColumn, range, raw().provider);
  return {
    source: spec.source,
    filter: spec.filter,
    async count() {
      const [row] = await raw().query<{ n: number | string | bigint }>(
        Prisma.sql`SELECT COUNT(*) AS "n" FROM ${table} WHERE ${spec.where} AND ${inRange(spec.range)}`,
      );
      return Number(row?.n ?? 0);
    },
    async edge(direction) {
      const order = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
      const [row] = await raw().query<{ id: string; at: unknown }>(
        Prisma.sql`SELECT "id", ${time} AS "at" FROM ${table}
                    WHERE ${spec.where} AND ${inRange(spec.range)}
                    ORDER BY ${time} ${order}, "id" ${order} LIMIT 1`,
      );
      return row ? { at: toDate(row.at), id: row.id } : null;
    },
    async page(after, take) {
      const provider = raw().provider;
      const afterCursor = after
        ? Prisma.sql`AND (${time} > ${sqlTime(after.at, provider)} OR (${time} = ${sqlTime(after.at, provider)} AND "id" > ${after.id}))`
        : Prisma.empty;
      const rows = await raw().queryArrays(
        Prisma.sql`SELECT ${spec.columns} FROM ${table}
                    WHERE ${spec.where} AND ${inRange(pageTimeRange(spec.range, after))} ${afterCursor}
                    ORDER BY ${time}, "id" LIMIT ${take}`,
      );
      return rows.map((row) => spec.toRecord(row, provider));
    },
    keyOf: spec.keyOf,
  };
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not an identifier: ${name}`);
  return `"${name}"`;
}

/** ISO 8601 in UTC with milliseconds, as Date#toISOString prints it and reports show it. */
export type IsoTimestamp = string;

/** How SQLite holds a Prisma DateTime: 2026-01-31T23:59:59.123+00:00. */
const sqliteUtcTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

/**
 * A driver timestamp as ISO text. The large populations keep their time this
 * way: parsing each row's time into a Date and printing it again cost ~0.8 s
 * per million rows, rewriting SQLite's stored text ~0.1 s. Anything else
 * (PostgreSQL's Date, text in another form) goes through a Date.
 */
export function toIsoTimestamp(value: unknown): IsoTimestamp {
  if (typeof value === "string" && sqliteUtcTimestamp.test(value)) return `${value.slice(0, 23)}Z`;
  return toDate(value).toISOString();
}

/** A driver timestamp as a Date: SQLite gives stored text ("…+00:00"), PostgreSQL a Date. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** A nullable driver timestamp as a Date or null. */
export function toNullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** A driver Json column as its value: SQLite gives JSON text, PostgreSQL the parsed value. */
export function toJson(value: unknown, provider: DatabaseProvider): unknown {
  if (value === null || value === undefined) return null;
  return provider === "sqlite" && typeof value === "string" ? (JSON.parse(value) as unknown) : value;
}

/** A driver text column that may be null. */
export function toNullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A driver boolean: SQLite stores 0/1, PostgreSQL returns a boolean. */
export function toBoolean(value: unknown): boolean {
  return value === true || Number(value) === 1;
}
