"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { ReportResponse } from "@/lib/compliance/requests/to-report-response";
import { privacyQueryKeys } from "./privacy-query-keys";

export function useGenerateDataSubjectReport(orgId: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<ReportResponse>(
        `/api/engine/compliance/data-subject-requests/${encodeURIComponent(requestId)}/report`,
        { method: "POST" },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyQueryKeys.requests(orgId) }),
  });
}
