"use client";
// PUT /api/engine/compliance/settings (admins): the org's report retention.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { reportQueryKeys } from "@/components/compliance/report-query-keys";
import type { ComplianceSettings } from "@/lib/compliance/retention/retention-schemas";

export function useUpdateRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ComplianceSettings) =>
      fetchJson<ComplianceSettings>("/api/engine/compliance/settings", { method: "PUT", json: settings }),
    // Every report's expiry moves with it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportQueryKeys.all }),
  });
}
