"use client";
// The org's reports as filtered, searched and sorted, a page at a time ("Load more"), polled only while one is pending.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportFilterParams, reportQueryKeys, type ReportFilters } from "@/components/compliance/report-query-keys";
import { complianceApiBase, type ReportListPage } from "@/components/compliance/report-resource";

export const reportsPageSize = 20;
export const pendingPollMs = 2_000;

export function useReports(filters: ReportFilters) {
  return useInfiniteQuery({
    queryKey: reportQueryKeys.list(filters),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(reportsPageSize) });
      for (const key of reportFilterParams) {
        if (filters[key]) params.set(key, filters[key]);
      }
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<ReportListPage>(`${complianceApiBase}/reports?${params}`, { signal });
    },
    initialPageParam: "",
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    // Live status without a reload, and no traffic once nothing is generating.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.reports.some((report) => report.status === "pending"))
        ? pendingPollMs
        : false,
    staleTime: 0,
    // While a new search or order loads, the last list stays instead of "Loading…".
    placeholderData: keepPreviousData,
  });
}
