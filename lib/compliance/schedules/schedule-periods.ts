// The periods of a schedule's cadence, all in UTC: weekly periods are ISO
// weeks (Monday to Sunday), monthly and quarterly ones calendar months and
// quarters. A period is whole days, inclusive, as report scopes are; it
// closes at 00:00 UTC of the day after its last day.

export const scheduleCadences = ["weekly", "monthly", "quarterly"] as const;
export type ScheduleCadence = (typeof scheduleCadences)[number];

export type SchedulePeriod = {
  /** First day, YYYY-MM-DD */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive */
  to: string;
  /** The instant the period closes (the next period's start) */
  closesAt: Date;
};

const dayMs = 86_400_000;

/** The period of `cadence` that holds the instant `at`. */
export function periodContaining(cadence: ScheduleCadence, at: Date): SchedulePeriod {
  return periodStartingAt(cadence, startOfPeriod(cadence, at));
}

/** The period that starts on `from` (YYYY-MM-DD, which must be a period start of the cadence). */
export function periodStartingOn(cadence: ScheduleCadence, from: string): SchedulePeriod {
  const start = new Date(`${from}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || startOfPeriod(cadence, start).getTime() !== start.getTime()) {
    throw new Error(`${from} is not the start of a ${cadence} period`);
  }
  return periodStartingAt(cadence, start);
}

/** The period right after `period`. */
export function periodAfter(cadence: ScheduleCadence, period: SchedulePeriod): SchedulePeriod {
  return periodStartingAt(cadence, period.closesAt);
}

/**
 * Every period from the one starting on `firstFrom` whose close is at or
 * before `now`, oldest first; at most `limit` of them, the most recent kept.
 */
export function closedPeriodsSince(
  cadence: ScheduleCadence,
  firstFrom: string,
  now: Date,
  limit = Number.POSITIVE_INFINITY,
): SchedulePeriod[] {
  const periods: SchedulePeriod[] = [];
  for (
    let period = periodStartingOn(cadence, firstFrom);
    period.closesAt <= now;
    period = periodAfter(cadence, period)
  ) {
    periods.push(period);
    if (periods.length > limit) periods.shift();
  }
  return periods;
}

function periodStartingAt(cadence: ScheduleCadence, start: Date): SchedulePeriod {
  const closesAt = nextStart(cadence, start);
  return { from: toDay(start), to: toDay(new Date(closesAt.getTime() - dayMs)), closesAt };
}

function startOfPeriod(cadence: ScheduleCadence, at: Date): Date {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  switch (cadence) {
    case "weekly": {
      const day = Date.UTC(year, month, at.getUTCDate());
      // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
      const sinceMonday = (at.getUTCDay() + 6) % 7;
      return new Date(day - sinceMonday * dayMs);
    }
    case "monthly":
      return new Date(Date.UTC(year, month, 1));
    case "quarterly":
      return new Date(Date.UTC(year, month - (month % 3), 1));
  }
}

function nextStart(cadence: ScheduleCadence, start: Date): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  switch (cadence) {
    case "weekly":
      return new Date(start.getTime() + 7 * dayMs);
    case "monthly":
      return new Date(Date.UTC(year, month + 1, 1));
    case "quarterly":
      return new Date(Date.UTC(year, month + 3, 1));
  }
}

function toDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
