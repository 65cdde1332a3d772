// A population read through the database driver: count, edges, keyset pages
// and whole reads all run the same SQL condition, so the manifest and the
// table cannot disagree on what was selected. Every report source is one; for
// the large ones (audit events, vault accesses, emails) Prisma's row mapping
// cost more than the database itself.
import type { Database } from "@/lib/db";
import { rawSqlOf } from "@/lib/db/raw-sql-of";
import { readCopyTextLines, readCopyTextRows } from "@/lib/db/read-copy-text-rows";
import { Prisma } from "@/lib/generated/sqlite/client";
import { reportEngineProfileOf } from "@/lib/compliance/profiles/report-engine-profile-of";
import { quoteColumn } from "@/lib/db/sql-condition";
import { sqlTimeRange } from "./audit-event-selection";
import type { RowJsonBatch } from "./report-definition";
import {
  pageTimeRange,
  type Keyset,
  type PopulationSource,
  type RowJsonRendering,
  type TimeRange,
} from "./population-source";
import { readKeysetPages } from "./read-keyset-pages";

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
  /**
   * A row's values in select-list order as the record the builders read: as
   * SQLite stores them, or PostgreSQL's text form of each (null for NULL).
   */
  toRecord(values: unknown[]): Row;
  keyOf(row: Row): Keyset;
};

export function createSqlPopulation<Row>(db: Database, spec: SqlPopulationSpec<Row>): PopulationSource<Row> {
  const raw = () => rawSqlOf(db);
  const { bulkReads, dialect } = reportEngineProfileOf(db);
  const table = quoteColumn(spec.table);
  const time = quoteColumn(spec.timeColumn);
  const inRange = (range: TimeRange) => sqlTimeRange(spec.timeColumn, range, dialect);
  const where = Prisma.sql`${spec.where} AND ${inRange(spec.range)}`;
  return {
    source: spec.source,
    filter: spec.filter,
    table: spec.table,
    where,
    async count() {
      const [row] = await raw().query<{ n: number | string | bigint }>(
        Prisma.sql`SELECT COUNT(*) AS "n" FROM ${table} WHERE ${where}`,
      );
      return Number(row?.n ?? 0);
    },
    async edge(direction) {
      const order = Prisma.raw(direction === "asc" ? "ASC" : "DESC");
      const [row] = await raw().query<{ id: string; at: unknown }>(
        Prisma.sql`SELECT "id", ${time} AS "at" FROM ${table}
                    WHERE ${where}
                    ORDER BY ${time} ${order}, "id" ${order} LIMIT 1`,
      );
      return row ? { at: toDate(row.at), id: row.id } : null;
    },
    page,
    async *read(batchRows, options) {
      if (bulkReads === "copy") {
        // One COPY streams the whole population: no per-page query, and no
        // row-protocol decoding (see lib/db/read-copy-text-rows.ts).
        const copy = raw().copyOut(
          Prisma.sql`SELECT ${spec.columns} FROM ${table} WHERE ${where} ORDER BY ${time}, "id"`,
          "FORMAT text",
          options?.besideQueries ? "unpooled" : "pooled",
        );
        for await (const rows of readCopyTextRows(copy)) yield rows.map((row) => spec.toRecord(row));
        return;
      }
      yield* readKeysetPages({ page, keyOf: spec.keyOf }, batchRows);
    },
    readJson(rendering, batchRows) {
      if (bulkReads !== "copy") return readRenderedPages(rendering.sqlite, batchRows);
      return rendering.postgres && readRenderedCopy(rendering.postgres);
    },
    keyOf: spec.keyOf,
  };

  async function* readRenderedPages(rowJson: Prisma.Sql, batchRows: number): AsyncGenerator<RowJsonBatch> {
    const rendered = {
      page: (after: Keyset | null, take: number) => pageValues(Prisma.sql`${rowJson}, ${time}, "id"`, after, take),
      keyOf: renderedKeyOf,
    };
    for await (const rows of readKeysetPages(rendered, batchRows)) yield { rowJson: rows.map((row) => String(row[0])) };
  }

  async function* readRenderedCopy(rendering: NonNullable<RowJsonRendering["postgres"]>): AsyncGenerator<RowJsonBatch> {
    const copy = raw().copyOut(
      Prisma.sql`SELECT ${rendering.columns} FROM ${table} WHERE ${where} ORDER BY ${time}, "id"`,
      "FORMAT text",
    );
    for await (const lines of readCopyTextLines(copy))
      yield { rowJson: lines.map((line) => rendering.renderLine(line)) };
  }

  async function page(after: Keyset | null, take: number): Promise<Row[]> {
    const rows = await pageValues(spec.columns, after, take);
    return rows.map((row) => spec.toRecord(row));
  }

  function pageValues(select: Prisma.Sql, after: Keyset | null, take: number): Promise<unknown[][]> {
    const afterCursor = after
      ? Prisma.sql`AND (${time} > ${dialect.timestamp(after.at)} OR (${time} = ${dialect.timestamp(after.at)} AND "id" > ${after.id}))`
      : Prisma.empty;
    // As text on PostgreSQL too, so toRecord sees the values COPY gives `read`.
    return raw().queryArrays(
      Prisma.sql`SELECT ${select} FROM ${table}
                  WHERE ${spec.where} AND ${inRange(pageTimeRange(spec.range, after))} ${afterCursor}
                  ORDER BY ${time}, "id" LIMIT ${take}`,
      { asText: true },
    );
  }
}

/** A rendered page row ([json, time, id]) as its place in (time, id) order. */
function renderedKeyOf(row: unknown[]): Keyset {
  return { at: toDate(row[1]), id: String(row[2]) };
}

/** ISO 8601 in UTC with milliseconds, as Date#toISOString prints it and reports show it. */
export type IsoTimestamp = string;

/** How SQLite holds a Prisma DateTime: 2026-01-31T23:59:59.123+00:00. */
const sqliteUtcTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;
/** PostgreSQL's text form of timestamp(3), UTC without a zone, trailing zeros of the fraction dropped. */
const postgresTimestampText = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,3})?$/;

/**
 * A driver timestamp as ISO text. The large populations keep their time this
 * way: rewriting the stored text costs far less than parsing each row's time
 * into a Date and printing it again (docs/benchmarks.md). Anything else (a Date,
 * text in another form) goes through a Date.
 */
export function toIsoTimestamp(value: unknown): IsoTimestamp {
  if (typeof value === "string") {
    if (sqliteUtcTimestamp.test(value)) return `${value.slice(0, 23)}Z`;
    if (postgresTimestampText.test(value))
      return `${value.slice(0, 10)}T${value.slice(11, 19)}.${value.slice(20).padEnd(3, "0")}Z`;
  }
  return toDate(value).toISOString();
}

/**
 * A driver timestamp as a Date: SQLite gives stored text ("…+00:00"),
 * PostgreSQL a Date, or its text form (UTC, no zone) where read as text.
 */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(postgresTimestampText.test(text) ? toIsoTimestamp(text) : text);
}

/** A nullable driver timestamp as a Date or null. */
export function toNullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** A Json column as its value: population reads get its JSON text on either database. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? (JSON.parse(value) as unknown) : value;
}

/** A driver text column that may be null. */
export function toNullableString(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A driver boolean: SQLite stores 0/1, PostgreSQL's text form is t/f. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === "t" || Number(value) === 1;
}
