// React Query keys for compliance data, in one place so mutations invalidate the right queries.
export type ReportFilters = { type: string; status: string };

export const reportQueryKeys = {
  all: ["compliance", "reports"] as const,
  list: (filters: ReportFilters) => ["compliance", "reports", "list", filters] as const,
  detail: (id: string) => ["compliance", "reports", "detail", id] as const,
  document: (id: string) => ["compliance", "reports", "document", id] as const,
  agents: ["agents"] as const,
};
