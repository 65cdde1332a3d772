"use client";
// PUT /reports/:id/legal-hold (admins), then refresh the list and the report.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { complianceApiBase, type ReportResource } from "@/components/compliance/report-resource";

export function useSetLegalHold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, legalHold }: { id: string; legalHold: boolean }) =>
      fetchJson<ReportResource>(`${complianceApiBase}/reports/${encodeURIComponent(id)}/legal-hold`, {
        method: "PUT",
        json: { legalHold },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportQueryKeys.all }),
  });
}
