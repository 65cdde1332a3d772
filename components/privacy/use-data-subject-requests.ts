"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { DataSubjectRequestPage } from "@/lib/privacy/schemas";
import { privacyQueryKeys } from "./privacy-query-keys";

/** The org's requests, soonest due first (the first 200: a page of the list is one screen). */
export function useDataSubjectRequests(orgId: string, initialData?: DataSubjectRequestPage) {
  return useQuery({
    queryKey: privacyQueryKeys.requests(orgId),
    queryFn: () => fetchJson<DataSubjectRequestPage>("/api/engine/compliance/data-subject-requests?limit=200"),
    initialData,
  });
}
