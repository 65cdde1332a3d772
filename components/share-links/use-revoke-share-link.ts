"use client";
// DELETE /share-links/:id (admins), then refresh the report's list.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { shareLinkQueryKeys } from "@/components/share-links/share-link-query-keys";

export function useRevokeShareLink(reportId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) =>
      fetchJson<void>(`/api/engine/compliance/share-links/${encodeURIComponent(linkId)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareLinkQueryKeys.list(reportId) }),
  });
}
