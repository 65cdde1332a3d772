"use client";
// POST /reports/{type}: queues a report (202). The new row goes straight into the
// unfiltered history as the server returned it (pending), then the list refetches.
import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { noReportFilters, reportQueryKeys } from "@/components/compliance/report-query-keys";
import {
  complianceApiBase,
  type ReportListPage,
  type ReportResource,
  type ReportType,
} from "@/components/compliance/report-resource";

export type GenerateReportInput =
  | { type: "gdpr"; agentId: string }
  | { type: "soc2" | "audit"; dateRange: { from: string; to: string }; agentIds: string[] };

function toBody(input: GenerateReportInput) {
  if (input.type === "gdpr") return { agentId: input.agentId };
  // The org is always the caller's; the server fills it in when omitted.
  return { dateRange: input.dateRange, ...(input.agentIds.length > 0 ? { agentIds: input.agentIds } : {}) };
}

export function useGenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateReportInput) =>
      fetchJson<ReportResource>(`${complianceApiBase}/reports/${input.type satisfies ReportType}`, {
        method: "POST",
        json: toBody(input),
      }),
    onSuccess: (report) => {
      queryClient.setQueryData<InfiniteData<ReportListPage, string>>(reportQueryKeys.list(noReportFilters), (data) => {
        const first = data?.pages[0];
        if (!data || !first || first.reports.some((row) => row.id === report.id)) return data;
        return { ...data, pages: [{ ...first, reports: [report, ...first.reports] }, ...data.pages.slice(1)] };
      });
      // Not awaited: the caller switches to the Reports tab at once, showing the pending row.
      void queryClient.invalidateQueries({ queryKey: reportQueryKeys.lists });
    },
  });
}
