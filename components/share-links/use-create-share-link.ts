"use client";
// Creates a share link; its URL exists only in this mutation's result.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { CreatedShareLinkResponse } from "@/lib/share-links/schemas";
import { shareLinkQueryKeys, shareLinksUrl } from "@/components/share-links/share-link-query-keys";

export type ShareLinkRequest = { expiresInDays: number; maxDownloads: number | null; label: string | null };

export function useCreateShareLink(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareLinkRequest) =>
      fetchJson<CreatedShareLinkResponse>(shareLinksUrl(reportId), { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinkQueryKeys.list(reportId) }),
  });
}
