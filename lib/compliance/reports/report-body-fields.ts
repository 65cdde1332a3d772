// The request body fields report types share (the seed bodies' shapes), and
// their limits. The form is told the limits through the catalogue.
import { z } from "zod";

export const maxAgentIds = 100;
export const maxRangeYears = 5;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** One whole UTC day as YYYY-MM-DD, a real calendar date. */
export const isoDay = z
  .string()
  .regex(dayPattern, { message: "Use a date as YYYY-MM-DD", abort: true })
  .refine(isCalendarDay, "Not a real calendar date");

/** Whole UTC days, inclusive; at most five years; `to` no later than today (UTC). */
export const dateRangeSchema = z.strictObject({ from: isoDay, to: isoDay }).superRefine((range, ctx) => {
  // zod runs this even when a field failed; only compare two real days.
  if (!isCalendarDay(range.from) || !isCalendarDay(range.to)) return;
  if (range.from > range.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "`to` must be on or after `from`" });
    return;
  }
  if (range.to >= addYears(range.from, maxRangeYears)) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `A date range can span at most ${maxRangeYears} years` });
    return;
  }
  // Days not yet lived would complete as an empty, misleading report; read the clock per request.
  const today = todayUtc(new Date());
  if (range.to > today) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `\`to\` cannot be after today (${today}, UTC)` });
  }
});

/** The current UTC day as YYYY-MM-DD: the last day a period may end on. */
export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export const agentIdField = z.string().trim().min(1, "An agent id cannot be empty").max(100);

export const agentIdsField = z
  .array(agentIdField)
  .max(maxAgentIds, `At most ${maxAgentIds} agents per report`)
  .refine((ids) => new Set(ids).size === ids.length, "Agent ids must be unique");

/** May be left out; when given it must be the caller's org (checked in prepare-report-request.ts). */
export const orgIdField = z.string().min(1).max(100).optional();

function isCalendarDay(value: unknown): value is string {
  if (typeof value !== "string" || !dayPattern.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function addYears(day: string, years: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  // 29 Feb + n years lands on 1 Mar when that year has no 29 Feb; Date.UTC rolls it over.
  return new Date(Date.UTC(year + years, month - 1, date)).toISOString().slice(0, 10);
}
