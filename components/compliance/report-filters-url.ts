// The Reports tab's filters, search and sort in the page URL
// (?tab=reports&type=audit&status=failed&q=triage&periodFrom=2026-07-01&periodTo=2026-09-30&sort=period&order=asc),
// so a list can be reloaded, bookmarked and shared. Unknown values are dropped.
// A period is kept as its days, not as "last month", so a shared link shows the same reports tomorrow.
import { noReportFilters, reportFilterParams, type ReportFilters } from "@/components/compliance/report-query-keys";
import { reportSortKeys, sortOrders } from "@/components/compliance/report-sort-options";
import { isoDay } from "@/lib/compliance/reports/report-body-fields";

export const reportStatusFilters = ["pending", "completed", "failed", "cancelled", "purged"] as const;

type SearchParams = Record<string, string | string[] | undefined>;

/** The longest search the API accepts. */
export const maxReportSearchLength = 200;

export function readReportFilters(params: SearchParams, types: readonly string[]): ReportFilters {
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  const known = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : "");
  const sort = known(one(params.sort), reportSortKeys);
  const day = (value: string) => (isoDay.safeParse(value).success ? value : "");
  const periodFrom = day(one(params.periodFrom));
  const periodTo = day(one(params.periodTo));
  // A period ending before it starts is what the API refuses: read as no period.
  const isPeriodValid = !periodFrom || !periodTo || periodFrom <= periodTo;
  return {
    type: known(one(params.type), types),
    status: known(one(params.status), reportStatusFilters),
    q: one(params.q).trim().slice(0, maxReportSearchLength),
    periodFrom: isPeriodValid ? periodFrom : "",
    periodTo: isPeriodValid ? periodTo : "",
    sort,
    // An order means nothing without the key it orders.
    order: sort ? known(one(params.order), sortOrders) : noReportFilters.order,
  };
}

/** The same URL with the filters written in (empty ones removed). */
export function writeReportFilters(url: URL, filters: ReportFilters): URL {
  const next = new URL(url);
  for (const key of reportFilterParams) {
    const value = filters[key].trim();
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
  }
  return next;
}
