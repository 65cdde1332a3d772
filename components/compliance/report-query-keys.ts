// React Query keys for compliance data, in one place so mutations invalidate the right queries.
/**
 * What the Reports list asks the API for; "" means the API's default (all types, newest first…).
 * `periodFrom`/`periodTo` (YYYY-MM-DD): reports whose period overlaps those days.
 */
export type ReportFilters = {
  type: string;
  status: string;
  q: string;
  periodFrom: string;
  periodTo: string;
  sort: string;
  order: string;
};

export const noReportFilters: ReportFilters = {
  type: "",
  status: "",
  q: "",
  periodFrom: "",
  periodTo: "",
  sort: "",
  order: "",
};

/** The list's query parameters, in the order the page URL writes them. */
export const reportFilterParams = ["type", "status", "q", "periodFrom", "periodTo", "sort", "order"] as const;

export function isReportListFiltered(filters: ReportFilters): boolean {
  return Boolean(filters.type || filters.status || filters.q || filters.periodFrom || filters.periodTo);
}

export const reportQueryKeys = {
  /** Every list and every report's status (not documents). */
  all: ["compliance", "reports"] as const,
  lists: ["compliance", "reports", "list"] as const,
  list: (filters: ReportFilters) => ["compliance", "reports", "list", filters] as const,
  detail: (id: string) => ["compliance", "reports", "detail", id] as const,
  // Not under "list"/"detail": a stored document never changes, so mutations leave it alone.
  document: (id: string) => ["compliance", "report-documents", id] as const,
  agents: ["agents"] as const,
};
