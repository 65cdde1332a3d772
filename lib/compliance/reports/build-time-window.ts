import type { ReportPeriod } from "./resolve-report-period";

export type TimeWindow = {
  /** Prisma range for the source's time column. */
  range: { gte?: Date; lt: Date };
  /** The same range in words, for the manifest. */
  describe(field: string): string;
};

/**
 * The instants a report reads: its period (or all time), never past `asOf`,
 * the moment generation began. Rows written while the report generates fall
 * outside it, so the manifest's counts and the tables read later agree.
 */
export function buildTimeWindow(period: ReportPeriod | null, asOf: Date): TimeWindow {
  const end = period && period.end.getTime() <= asOf.getTime() ? period.end : asOf;
  const endIsAsOf = end === asOf;
  return {
    range: period ? { gte: period.start, lt: end } : { lt: end },
    describe(field) {
      const upper = endIsAsOf ? `${asOf.toISOString()} (generation time)` : end.toISOString();
      return period
        ? `${field} >= ${period.start.toISOString()} and ${field} < ${upper}`
        : `${field} < ${upper} (all time)`;
    },
  };
}
