"use client";
import { useQuery } from "@tanstack/react-query";
import type { ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";
import { fetchJson } from "@/lib/dashboard/fetch-json";

export const apiKeysQueryKey = ["api-keys"] as const;

/** The current org's API keys (revoked ones included), newest first. */
export function useApiKeys(initialData?: ApiKeyResponse[]) {
  return useQuery({
    queryKey: apiKeysQueryKey,
    queryFn: async () => (await fetchJson<{ apiKeys: ApiKeyResponse[] }>("/api/api-keys")).apiKeys,
    initialData,
  });
}
