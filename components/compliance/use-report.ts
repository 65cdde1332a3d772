"use client";
// One report's status, progress and artifacts; polled while it is pending.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { complianceApiBase, type ReportResource } from "@/components/compliance/report-resource";
import { pendingPollMs } from "@/components/compliance/use-reports";

export function useReport(id: string) {
  return useQuery({
    queryKey: reportQueryKeys.detail(id),
    queryFn: ({ signal }) =>
      fetchJson<ReportResource>(`${complianceApiBase}/reports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === "pending" ? pendingPollMs : false),
    staleTime: 0,
  });
}
