"use client";
// A report table paged in the browser (50 rows a page), so a population of
// thousands stays readable and cheap to render.
import { useId, useMemo, useState } from "react";
import { humanizeKey } from "@/components/compliance/format-cell-value";
import type { ReportRow } from "@/components/compliance/report-document";
import { ReportValueCell } from "@/components/compliance/report-value-cell";
import { Button } from "@/components/ui/button";
import { ScrollableTable } from "@/components/compliance/scrollable-table";
import { TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

export const rowsPerPage = 50;

export function PaginatedRowsTable({
  caption,
  rows,
  totalRows,
}: {
  caption: string;
  rows: ReportRow[];
  /** All rows of the population; more than rows.length when only a preview was loaded. */
  totalRows: number;
}) {
  const id = useId();
  const [page, setPage] = useState(0);
  const pageCount = Math.max(1, Math.ceil(rows.length / rowsPerPage));
  const pageRows = rows.slice(page * rowsPerPage, (page + 1) * rowsPerPage);
  // Rows of one table share their keys, but optional fields may be absent from some.
  const columns = useMemo(() => {
    const keys = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
    return [...keys];
  }, [rows]);

  if (rows.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
        {caption}: no rows in this population.
      </p>
    );
  }
  const first = page * rowsPerPage + 1;
  const last = page * rowsPerPage + pageRows.length;
  return (
    <div className="rounded-md border border-slate-200 report-table">
      <ScrollableTable label={`${caption} table`} aria-describedby={`${id}-range`}>
        <caption className="bg-white px-4 py-2 text-left text-sm font-medium text-slate-800">
          {caption} <span className="font-normal text-slate-500">({totalRows.toLocaleString()} rows)</span>
        </caption>
        <TableHead>
          <tr>
            {columns.map((column) => (
              <TableHeaderCell key={column} className="whitespace-nowrap normal-case">
                {humanizeKey(column)}
              </TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {pageRows.map((row, index) => (
            <tr key={first + index}>
              {columns.map((column) => (
                <TableCell key={column} className="py-2 text-xs">
                  <ReportValueCell value={row[column]} />
                </TableCell>
              ))}
            </tr>
          ))}
        </TableBody>
      </ScrollableTable>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600">
        <span id={`${id}-range`}>
          Rows {first.toLocaleString()}–{last.toLocaleString()} of {rows.length.toLocaleString()}
          {totalRows > rows.length
            ? ` loaded (the population has ${totalRows.toLocaleString()}; download the report for every row)`
            : ""}
        </span>
        {pageCount > 1 ? (
          <span className="flex items-center gap-2 print:hidden">
            <Button
              variant="secondary"
              size="sm"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
              aria-label={`Previous page of ${caption}`}
            >
              Previous
            </Button>
            <span aria-live="polite">
              Page {page + 1} of {pageCount}
            </span>
            <Button
              variant="secondary"
              size="sm"
              disabled={page + 1 >= pageCount}
              onClick={() => setPage(page + 1)}
              aria-label={`Next page of ${caption}`}
            >
              Next
            </Button>
          </span>
        ) : null}
      </div>
    </div>
  );
}
