import type { ReportScope } from "@/lib/compliance/reports/report-definition";

const DAY_MS = 86_400_000;

/** A report period as a half-open instant range: [start, end). */
export type ReportPeriod = {
  from: string;
  to: string;
  /** `from` at 00:00:00.000Z. */
  start: Date;
  /** The day after `to` at 00:00:00.000Z (exclusive), so `to` counts as a whole day. */
  end: Date;
};

/** Parses `YYYY-MM-DD` as a UTC day; refuses impossible dates such as 2026-02-30. */
export function parseUtcDay(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new Error(`Invalid date "${value}": expected YYYY-MM-DD`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`Invalid date "${value}": no such day`);
  }
  return date;
}

/**
 * The scope's date range as whole UTC days, inclusive of both ends. Throws when
 * the scope has none or it is inverted: a report must never run unscoped by accident.
 */
export function resolveReportPeriod(scope: ReportScope): ReportPeriod {
  if (!scope.dateRange) throw new Error("This report type needs a date range");
  const { from, to } = scope.dateRange;
  const start = parseUtcDay(from);
  const last = parseUtcDay(to);
  if (last.getTime() < start.getTime()) throw new Error(`Invalid date range: ${from} is after ${to}`);
  return { from, to, start, end: new Date(last.getTime() + DAY_MS) };
}
