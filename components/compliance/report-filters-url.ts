// The Reports tab's filters in the page URL (?tab=reports&type=audit&status=failed),
// so a filtered list can be reloaded, bookmarked and shared. Unknown values are dropped.
import { noReportFilters, type ReportFilters } from "@/components/compliance/report-query-keys";

export const reportStatusFilters = ["pending", "completed", "failed"] as const;

type SearchParams = Record<string, string | string[] | undefined>;

export function readReportFilters(params: SearchParams, types: readonly string[]): ReportFilters {
  const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  const type = one(params.type);
  const status = one(params.status);
  return {
    type: types.includes(type) ? type : noReportFilters.type,
    status: (reportStatusFilters as readonly string[]).includes(status) ? status : noReportFilters.status,
  };
}

/** The same URL with the filters written in (empty ones removed). */
export function writeReportFilters(url: URL, filters: ReportFilters): URL {
  const next = new URL(url);
  for (const key of ["type", "status"] as const) {
    if (filters[key]) next.searchParams.set(key, filters[key]);
    else next.searchParams.delete(key);
  }
  return next;
}
