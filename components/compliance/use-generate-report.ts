"use client";
// POST /reports/{type}: queues a report (202) and refreshes the list so it shows up pending.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/compliance/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { complianceApiBase, type ReportResource, type ReportType } from "@/components/compliance/report-resource";

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportQueryKeys.all }),
  });
}
