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

export type GenerateFieldValue = string | string[] | { from: string; to: string };

/** The type and, under each form field's body name, the value the form checked. */
export type GenerateReportInput = { type: ReportType } & { [field: string]: GenerateFieldValue };

export function toReportRequestBody({
  type: _type,
  ...fields
}: GenerateReportInput): Record<string, GenerateFieldValue> {
  // Optional choices left empty are left out, as the seed bodies do (no agents: every agent).
  // The org is always the caller's; the server fills it in when omitted.
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => !(Array.isArray(value) && value.length === 0) && value !== ""),
  );
}

export function useGenerateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: GenerateReportInput) =>
      fetchJson<ReportResource>(`${complianceApiBase}/reports/${encodeURIComponent(input.type)}`, {
        method: "POST",
        json: toReportRequestBody(input),
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
