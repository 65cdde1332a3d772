"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ApiKeyResponse } from "@/lib/api-keys/to-api-key-response";
import type { ApiKeyScope } from "@/lib/auth/identity";
import { fetchJson } from "@/lib/client/fetch-json";
import { apiKeysQueryKey } from "@/components/api-keys/use-api-keys";

export type CreatedApiKey = { apiKey: ApiKeyResponse; key: string };

/** Creates a key; the plaintext `key` exists only in this mutation's result. */
export function useCreateApiKey(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scopes: ApiKeyScope[]; expiresOn?: string }) =>
      fetchJson<CreatedApiKey>("/api/api-keys", { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(orgId) }),
  });
}
