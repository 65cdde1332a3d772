// The Reports tab's filters, search and sort in the page URL
// (?tab=reports&type=audit&status=failed&q=triage&sort=period&order=asc), so a
// list can be reloaded, bookmarked and shared. Unknown values are dropped.
import { noReportFilters, type ReportFilters } from "@/components/compliance/report-query-keys";
import { reportSortKeys, sortOrders } from "@/components/compliance/report-sort-options";

export const reportStatusFilters = ["pending", "completed", "failed", "cancelled", "purged"] as const;

type SearchParams = Record<string, string | string[] | undefined>;

const filterKeys = ["type", "status", "q", "sort", "order"] as const;

/** The longest search the API accepts. */
export const maxReportSearchLength = 200;

export function readReportFilters(params: SearchParams, types: readonly string[]): ReportFilters {
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  const known = (value: string, allowed: readonly string[]) => (allowed.includes(value) ? value : "");
  const sort = known(one(params.sort), reportSortKeys);
  return {
    type: known(one(params.type), types),
    status: known(one(params.status), reportStatusFilters),
    q: one(params.q).trim().slice(0, maxReportSearchLength),
    sort,
    // An order means nothing without the key it orders.
    order: sort ? known(one(params.order), sortOrders) : noReportFilters.order,
  };
}

/** The same URL with the filters written in (empty ones removed). */
export function writeReportFilters(url: URL, filters: ReportFilters): URL {
  const next = new URL(url);
  for (const key of filterKeys) {
    const value = filters[key].trim();
    if (value) next.searchParams.set(key, value);
    else next.searchParams.delete(key);
  }
  return next;
}
