"use client";
// Above the history: search by title, filters by type, status and period, and the order.
// All of it is asked of the server, so paging stays correct.
import { useEffect, useEffectEvent, useId, useState } from "react";
import { maxReportSearchLength } from "@/components/compliance/report-filters-url";
import { ReportPeriodFilter } from "@/components/compliance/report-period-filter";
import type { ReportFilters } from "@/components/compliance/report-query-keys";
import { findReportSortOption, reportSortOptions } from "@/components/compliance/report-sort-options";
import { useReportTypeCatalogue } from "@/components/compliance/report-type-catalogue-context";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const selectClasses =
  "mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

/** Typing pauses this long before the list is asked again. */
const searchDelayMs = 300;

export function ReportFiltersBar({
  value,
  onChange,
}: {
  value: ReportFilters;
  onChange: (filters: ReportFilters) => void;
}) {
  const id = useId();
  const catalogue = useReportTypeCatalogue();
  const sortOption = findReportSortOption(value.sort, value.order);
  const [search, setSearch] = useState(value.q);

  // The box follows the filters when they change elsewhere ("Clear filters").
  const [shownQuery, setShownQuery] = useState(value.q);
  if (shownQuery !== value.q) {
    setShownQuery(value.q);
    setSearch(value.q);
  }

  const commitSearch = useEffectEvent((q: string) => {
    if (q !== value.q) onChange({ ...value, q });
  });
  useEffect(() => {
    const timer = setTimeout(() => commitSearch(search.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <div className="flex flex-wrap items-end gap-3">
      <form
        role="search"
        aria-label="Reports"
        className="w-full sm:w-64"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...value, q: search.trim() });
        }}
      >
        <Label htmlFor={`${id}-q`}>Search titles</Label>
        <Input
          id={`${id}-q`}
          type="search"
          className="mt-1 h-9"
          value={search}
          maxLength={maxReportSearchLength}
          placeholder="e.g. Support Triage, 2026-11"
          onChange={(event) => setSearch(event.target.value)}
        />
      </form>
      <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter reports">
        <div className="w-[calc(50%-0.375rem)] sm:w-44">
          <Label htmlFor={`${id}-type`}>Type</Label>
          <select
            id={`${id}-type`}
            className={selectClasses}
            value={value.type}
            onChange={(event) => onChange({ ...value, type: event.target.value })}
          >
            <option value="">All types</option>
            {catalogue.map((option) => (
              <option key={option.type} value={option.type}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="w-[calc(50%-0.375rem)] sm:w-44">
          <Label htmlFor={`${id}-status`}>Status</Label>
          <select
            id={`${id}-status`}
            className={selectClasses}
            value={value.status}
            onChange={(event) => onChange({ ...value, status: event.target.value })}
          >
            <option value="">All statuses</option>
            <option value="pending">Pending</option>
            <option value="completed">Completed</option>
            <option value="failed">Failed</option>
            <option value="cancelled">Cancelled</option>
            <option value="purged">Purged</option>
          </select>
        </div>
        <ReportPeriodFilter
          id={id}
          value={{ periodFrom: value.periodFrom, periodTo: value.periodTo }}
          selectClassName={selectClasses}
          onChange={(period) => onChange({ ...value, ...period })}
        />
      </div>
      <div className="w-full sm:w-52">
        <Label htmlFor={`${id}-sort`}>Sort by</Label>
        <select
          id={`${id}-sort`}
          className={selectClasses}
          value={`${sortOption.sort}:${sortOption.order}`}
          onChange={(event) => {
            const [sort = "", order = ""] = event.target.value.split(":");
            // The default order is written as "" so the URL stays short.
            const isDefault = sort === reportSortOptions[0].sort && order === reportSortOptions[0].order;
            onChange({ ...value, sort: isDefault ? "" : sort, order: isDefault ? "" : order });
          }}
        >
          {reportSortOptions.map((option) => (
            <option key={`${option.sort}:${option.order}`} value={`${option.sort}:${option.order}`}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
