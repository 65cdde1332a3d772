"use client";
// A report table paged in the browser (50 rows a page), so a population of
// thousands stays readable and cheap to render. On paper it prints its first
// `printRowLimit` rows whatever the page shown, says how many of the whole that
// is, and prints a table too wide for a landscape page as one record per row.
import clsx from "clsx";
import { useId, useMemo, useRef, useState } from "react";
import { humanizeKey } from "@/components/compliance/format-cell-value";
import { PrintedRecords, isPrintedAsRecords } from "@/components/compliance/printed-records";
import type { ReportRow } from "@/components/compliance/report-document";
import { ReportValueCell } from "@/components/compliance/report-value-cell";
import { Button } from "@/components/ui/button";
import { ScrollableTable } from "@/components/compliance/scrollable-table";
import { TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

export const rowsPerPage = 50;
/** A printout is a sample with its place in the whole; the files hold every row. */
export const printRowLimit = 100;

const rowWord = (count: number) => (count === 1 ? "row" : "rows");

/** What the printout says under a table: how much of the population it shows, and where the rest is. */
export function printedRowsNote(printed: number, totalRows: number): string {
  if (printed >= totalRows) return `All ${totalRows.toLocaleString("en-US")} ${rowWord(totalRows)} printed.`;
  return `First ${printed.toLocaleString("en-US")} of ${totalRows.toLocaleString("en-US")} rows printed — full population in the CSV.`;
}

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
  const top = useRef<HTMLDivElement>(null);
  const pageCount = Math.max(1, Math.ceil(rows.length / rowsPerPage));
  // Rows of one table share their keys, but optional fields may be absent from some.
  const columns = useMemo(() => {
    const keys = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
    return [...keys];
  }, [rows]);

  // Paging from the buttons under the table brings its first rows back into view.
  const goToPage = (next: number) => {
    setPage(next);
    top.current?.scrollIntoView({ block: "start" });
  };

  if (rows.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
        {caption}: no rows in this population.
      </p>
    );
  }
  const pageStart = page * rowsPerPage;
  const pageEnd = Math.min(rows.length, pageStart + rowsPerPage);
  const printed = Math.min(rows.length, printRowLimit);
  const asRecords = isPrintedAsRecords(columns);
  // The page on screen, and (in a narrow table) the printed rows, hidden on screen.
  const indexes = new Set<number>();
  for (let index = pageStart; index < pageEnd; index++) indexes.add(index);
  if (!asRecords) for (let index = 0; index < printed; index++) indexes.add(index);
  const shown = [...indexes].sort((a, b) => a - b);

  return (
    <div ref={top} className="report-table scroll-mt-20 rounded-md border border-slate-200">
      <div className={clsx(asRecords && "print:hidden")}>
        <ScrollableTable label={`${caption} table`} aria-describedby={`${id}-range`}>
          <caption className="bg-white px-4 py-2 text-left text-sm font-medium text-slate-800">
            {caption}{" "}
            <span className="font-normal text-slate-500">
              ({totalRows.toLocaleString("en-US")} {rowWord(totalRows)})
            </span>
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
            {shown.map((index) => {
              const row = rows[index]!;
              const isOnScreen = index >= pageStart && index < pageEnd;
              const isOnPaper = index < printed;
              return (
                <tr key={index} className={clsx(!isOnScreen && "hidden print:table-row", !isOnPaper && "print:hidden")}>
                  {columns.map((column) => (
                    <TableCell key={column} className="py-2 text-xs">
                      <ReportValueCell value={row[column]} />
                    </TableCell>
                  ))}
                </tr>
              );
            })}
          </TableBody>
        </ScrollableTable>
      </div>
      {asRecords ? (
        <PrintedRecords caption={caption} totalRows={totalRows} columns={columns} rows={rows.slice(0, printed)} />
      ) : null}
      <p className="hidden border-t border-slate-200 px-3 py-1 text-xs text-slate-700 print:block">
        {printedRowsNote(printed, totalRows)}
      </p>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 bg-slate-50 px-3 py-2 text-xs text-slate-600 print:hidden">
        <span id={`${id}-range`}>
          Rows {(pageStart + 1).toLocaleString("en-US")}–{pageEnd.toLocaleString("en-US")} of{" "}
          {rows.length.toLocaleString("en-US")}
          {totalRows > rows.length
            ? ` loaded (the population has ${totalRows.toLocaleString("en-US")}; download the report for every row)`
            : ""}
        </span>
        {pageCount > 1 ? (
          <span className="flex items-center gap-2">
            <Button
              variant="secondary"
              size="sm"
              disabled={page === 0}
              onClick={() => goToPage(page - 1)}
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
              onClick={() => goToPage(page + 1)}
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
