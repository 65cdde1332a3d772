"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { PrivacyProfileResponse } from "@/lib/privacy/schemas";
import { privacyQueryKeys } from "./privacy-query-keys";

export function usePrivacyProfile(orgId: string, initialData?: PrivacyProfileResponse) {
  return useQuery({
    queryKey: privacyQueryKeys.profile(orgId),
    queryFn: () => fetchJson<PrivacyProfileResponse>("/api/engine/compliance/privacy-profile"),
    initialData,
  });
}
