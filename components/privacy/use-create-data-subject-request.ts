"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { DataSubjectRequestResponse } from "@/lib/privacy/schemas";
import { privacyQueryKeys } from "./privacy-query-keys";

export type CreateDataSubjectRequestInput = {
  subjectEmail: string;
  subjectIdentifiers: string[];
  receivedOn: string;
  verificationMethod: string;
  verifiedBy: string;
  notes: string;
};

export function useCreateDataSubjectRequest(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateDataSubjectRequestInput) =>
      fetchJson<DataSubjectRequestResponse>("/api/engine/compliance/data-subject-requests", {
        method: "POST",
        json: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyQueryKeys.requests(orgId) }),
  });
}
