// React Query keys of share links, so mutations invalidate the right lists.
export const shareLinkQueryKeys = {
  all: ["compliance", "share-links"] as const,
  list: (reportId: string) => ["compliance", "share-links", reportId] as const,
};

export function shareLinksUrl(reportId: string): string {
  return `/api/engine/compliance/reports/${encodeURIComponent(reportId)}/share-links`;
}
