"use client";
// POST /reports/:id/cancel (admins), then refresh the list and the report.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { complianceApiBase } from "@/components/compliance/report-resource";

export function useCancelReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<unknown>(`${complianceApiBase}/reports/${encodeURIComponent(id)}/cancel`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportQueryKeys.all }),
  });
}
