"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { DataSubjectRequestResponse } from "@/lib/privacy/schemas";
import { privacyQueryKeys } from "./privacy-query-keys";

export type UpdateDataSubjectRequestInput = {
  status?: "fulfilled" | "refused";
  refusalReason?: string;
  extension?: { months: number; reason: string };
  notes?: string;
  redaction?: { enabled: boolean; reason?: string };
};

export function useUpdateDataSubjectRequest(orgId: string, requestId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDataSubjectRequestInput) =>
      fetchJson<DataSubjectRequestResponse>(
        `/api/engine/compliance/data-subject-requests/${encodeURIComponent(requestId)}`,
        { method: "PATCH", json: input },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyQueryKeys.requests(orgId) }),
  });
}
