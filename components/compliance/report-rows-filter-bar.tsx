"use client";
// Above a report table: a search over its rows and, where the table has them,
// filters by actor, action and outcome. Each control names its table for screen
// readers, since a report holds many tables.
import { humanizeKey } from "@/components/compliance/format-cell-value";
import { filterChoices, filterableColumns, type RowFilters } from "@/components/compliance/filter-report-rows";
import type { ReportRow } from "@/components/compliance/report-document";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const selectClasses =
  "mt-1 block h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-xs text-slate-900 shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

export function ReportRowsFilterBar({
  id,
  caption,
  rows,
  columns,
  value,
  isFiltering,
  onChange,
}: {
  id: string;
  caption: string;
  rows: readonly ReportRow[];
  columns: readonly string[];
  value: RowFilters;
  isFiltering: boolean;
  onChange: (filters: RowFilters) => void;
}) {
  const choices = filterableColumns.flatMap((column) => {
    if (!columns.includes(column)) return [];
    const options = filterChoices(rows, column);
    return options ? [{ column, options }] : [];
  });
  return (
    <div
      role="group"
      aria-label={`Search and filter ${caption}`}
      className="flex flex-wrap items-end gap-2 border-b border-slate-200 bg-white px-3 py-2 print:hidden"
    >
      <div className="w-full sm:w-56">
        <Label htmlFor={`${id}-search`} className="text-xs">
          Search<span className="sr-only"> {caption}</span>
        </Label>
        <Input
          id={`${id}-search`}
          type="search"
          className="mt-1 h-8 text-xs"
          value={value.query}
          maxLength={200}
          placeholder="Any value in a row"
          onChange={(event) => onChange({ ...value, query: event.target.value })}
        />
      </div>
      {choices.map(({ column, options }) => (
        <div key={column} className="w-[calc(50%-0.25rem)] sm:w-44">
          <Label htmlFor={`${id}-${column}`} className="text-xs">
            {humanizeKey(column)}
            <span className="sr-only"> in {caption}</span>
          </Label>
          <select
            id={`${id}-${column}`}
            className={selectClasses}
            value={value.values[column] ?? ""}
            onChange={(event) => onChange({ ...value, values: { ...value.values, [column]: event.target.value } })}
          >
            <option value="">Any</option>
            {options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </div>
      ))}
      {isFiltering ? (
        <Button variant="ghost" size="sm" onClick={() => onChange({ query: "", values: {} })}>
          Clear<span className="sr-only"> the search and filters of {caption}</span>
        </Button>
      ) : null}
    </div>
  );
}
