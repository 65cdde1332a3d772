"use client";
// Filters above the history: by type and by status (server-side, so paging stays correct).
import { useId } from "react";
import type { ReportFilters } from "@/components/compliance/report-query-keys";
import { useReportTypeCatalogue } from "@/components/compliance/report-type-catalogue-context";
import { Label } from "@/components/ui/label";

const selectClasses =
  "mt-1 block h-9 w-full rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

export function ReportFiltersBar({
  value,
  onChange,
}: {
  value: ReportFilters;
  onChange: (filters: ReportFilters) => void;
}) {
  const id = useId();
  const catalogue = useReportTypeCatalogue();
  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Filter reports">
      <div className="w-44">
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
      <div className="w-44">
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
        </select>
      </div>
    </div>
  );
}
