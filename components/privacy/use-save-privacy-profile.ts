"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { PrivacyProfileResponse } from "@/lib/privacy/schemas";
import { privacyQueryKeys } from "./privacy-query-keys";

export type PrivacyProfileInput = {
  controllerName: string;
  controllerContact: string;
  dpoContact: string;
  supervisoryAuthorityName: string;
  supervisoryAuthorityUrl: string;
};

export function useSavePrivacyProfile(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PrivacyProfileInput) =>
      fetchJson<PrivacyProfileResponse>("/api/engine/compliance/privacy-profile", { method: "PUT", json: input }),
    onSuccess: (saved) => queryClient.setQueryData(privacyQueryKeys.profile(orgId), saved),
  });
}
