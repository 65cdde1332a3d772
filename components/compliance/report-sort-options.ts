// The orders the Reports list offers, in the API's terms (sort + order).
import {
  defaultSortOrders,
  reportSortKeys,
  type ReportSortKey,
  type SortOrder,
} from "@/lib/compliance/requests/report-sort-keys";

export { reportSortKeys, sortOrders } from "@/lib/compliance/requests/report-sort-keys";

export type ReportSortOption = { sort: ReportSortKey; order: SortOrder; label: string };

/** The first is the API's default. */
export const reportSortOptions: readonly [ReportSortOption, ...ReportSortOption[]] = [
  { sort: "createdAt", order: "desc", label: "Newest first" },
  { sort: "createdAt", order: "asc", label: "Oldest first" },
  { sort: "period", order: "desc", label: "Period, latest first" },
  { sort: "period", order: "asc", label: "Period, earliest first" },
  { sort: "title", order: "asc", label: "Title, A to Z" },
  { sort: "title", order: "desc", label: "Title, Z to A" },
];

/** The option a filter's sort/order stand for ("" = the API's default). */
export function findReportSortOption(sort: string, order: string): ReportSortOption {
  const key: ReportSortKey = (reportSortKeys as readonly string[]).includes(sort)
    ? (sort as ReportSortKey)
    : "createdAt";
  const direction: SortOrder = order === "asc" || order === "desc" ? order : defaultSortOrders[key];
  return reportSortOptions.find((option) => option.sort === key && option.order === direction) ?? reportSortOptions[0];
}
