"use client";
import { useQuery } from "@tanstack/react-query";
import type { ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";
import { fetchJson } from "@/lib/client/fetch-json";

/** Keyed by org, so switching organization can never show the previous org's keys. */
export const apiKeysQueryKey = (orgId: string) => ["api-keys", orgId] as const;

/** The current org's API keys (revoked ones included), newest first. */
export function useApiKeys(orgId: string, initialData?: ApiKeyResponse[]) {
  return useQuery({
    queryKey: apiKeysQueryKey(orgId),
    queryFn: async () => (await fetchJson<{ apiKeys: ApiKeyResponse[] }>("/api/api-keys")).apiKeys,
    initialData,
  });
}
