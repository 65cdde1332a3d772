// What the report list can be ordered by: when a report was generated, its
// title, or the end of its period; each either way. Plain lists, so the
// browser's sort control shares them without the request schemas.
export const reportSortKeys = ["createdAt", "title", "period"] as const;
export type ReportSortKey = (typeof reportSortKeys)[number];

export const sortOrders = ["asc", "desc"] as const;
export type SortOrder = (typeof sortOrders)[number];

/** Without `order`: newest first, latest period first, titles A to Z. */
export const defaultSortOrders: Readonly<Record<ReportSortKey, SortOrder>> = {
  createdAt: "desc",
  title: "asc",
  period: "desc",
};
