"use client";
// DELETE /reports/:id (admins), then refresh the list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import { complianceApiBase } from "@/components/compliance/report-resource";

export function useDeleteReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson<void>(`${complianceApiBase}/reports/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportQueryKeys.lists }),
  });
}
