"use client";
// A report's share links (admins): label, status, expiry, counts, last access.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import type { ShareLinkListResponse } from "@/lib/share-links/schemas";
import { shareLinkQueryKeys, shareLinksUrl } from "@/components/share-links/share-link-query-keys";

export function useShareLinks(reportId: string) {
  return useQuery({
    queryKey: shareLinkQueryKeys.list(reportId),
    queryFn: ({ signal }) => fetchJson<ShareLinkListResponse>(shareLinksUrl(reportId), { signal }),
  });
}
