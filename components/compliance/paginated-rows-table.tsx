"use client";
// A report table paged in the browser (50 rows a page), so a population of
// thousands stays readable and cheap to render. On screen: a search and value
// filters over its rows (longer tables), a header and first column that stay in
// view while it scrolls, and — for a table wider than fits — the columns people
// scan by, each row's every field opened from its first cell ("Details of row n"). On paper it prints its
// first `printRowLimit` rows whatever the page or filters shown, says how many
// of the whole that is, and prints a table too wide for a landscape page as one
// record per row.
import clsx from "clsx";
import { Fragment, useDeferredValue, useId, useMemo, useRef, useState } from "react";
import { humanizeKey } from "@/components/compliance/format-cell-value";
import {
  filterReportRows,
  isFilteringRows,
  noRowFilters,
  type RowFilters,
} from "@/components/compliance/filter-report-rows";
import { PrintedRecords, isPrintedAsRecords } from "@/components/compliance/printed-records";
import type { ReportRow } from "@/components/compliance/report-document";
import { ReportRowsFilterBar } from "@/components/compliance/report-rows-filter-bar";
import { ReportValueCell } from "@/components/compliance/report-value-cell";
import { pickScreenColumns } from "@/components/compliance/screen-columns";
import { Button } from "@/components/ui/button";
import { ScrollableTable } from "@/components/compliance/scrollable-table";
import { TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

export const rowsPerPage = 50;
/** A printout is a sample with its place in the whole; the files hold every row. */
export const printRowLimit = 100;
/** Shorter tables are read at a glance: no search or filters above them. */
export const minRowsToFilter = 11;

const rowWord = (count: number) => (count === 1 ? "row" : "rows");
const count = (value: number) => value.toLocaleString("en-US");

/** What the printout says under a table: how much of the population it shows, and where the rest is. */
export function printedRowsNote(printed: number, totalRows: number): string {
  if (printed >= totalRows) return `All ${count(totalRows)} ${rowWord(totalRows)} printed.`;
  return `First ${count(printed)} of ${count(totalRows)} rows printed — full population in the CSV.`;
}

// The first column and the header stay put while the table scrolls inside its box.
const stickyFirstColumn = "sticky left-0 z-[1] bg-white print:static";
const stickyHeader = "sticky top-0 z-[2] bg-slate-50 print:static";

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
  const [filters, setFilters] = useState<RowFilters>(noRowFilters);
  const [openDetails, setOpenDetails] = useState<ReadonlySet<number>>(new Set());
  const top = useRef<HTMLDivElement>(null);
  const scrollBox = useRef<HTMLDivElement>(null);
  // Rows of one table share their keys, but optional fields may be absent from some.
  const columns = useMemo(() => {
    const keys = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
    return [...keys];
  }, [rows]);
  const { shown: screenColumns, isCondensed } = useMemo(() => pickScreenColumns(columns), [columns]);
  // Typing stays quick on a long table: the rows follow a moment later.
  const appliedFilters = useDeferredValue(filters);
  const isFiltering = isFilteringRows(appliedFilters);
  const matching = useMemo(
    () => (isFiltering ? filterReportRows(rows, columns, appliedFilters) : null),
    [rows, columns, appliedFilters, isFiltering],
  );
  const matchCount = matching ? matching.length : rows.length;

  // Paging brings the table's first rows back into view, on the page and inside its box.
  const goToPage = (next: number) => {
    setPage(next);
    scrollBox.current?.scrollTo({ top: 0 });
    top.current?.scrollIntoView({ block: "start" });
  };
  const changeFilters = (next: RowFilters) => {
    setFilters(next);
    setPage(0);
    scrollBox.current?.scrollTo({ top: 0 });
  };
  const toggleDetails = (index: number) =>
    setOpenDetails((open) => {
      const next = new Set(open);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  if (rows.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-600">
        {caption}: no rows in this population.
      </p>
    );
  }
  const pageCount = Math.max(1, Math.ceil(matchCount / rowsPerPage));
  const currentPage = Math.min(page, pageCount - 1);
  const pageStart = currentPage * rowsPerPage;
  const pageEnd = Math.min(matchCount, pageStart + rowsPerPage);
  const printed = Math.min(rows.length, printRowLimit);
  const asRecords = isPrintedAsRecords(columns);
  // The page on screen (of the matching rows), and (in a narrow table) the printed rows, hidden on screen.
  const onScreen = new Set<number>();
  for (let position = pageStart; position < pageEnd; position++)
    onScreen.add(matching ? matching[position]! : position);
  const indexes = new Set(onScreen);
  if (!asRecords) for (let index = 0; index < printed; index++) indexes.add(index);
  const shown = [...indexes].sort((a, b) => a - b);
  const tableColumns = isCondensed ? screenColumns : columns;
  const columnCount = tableColumns.length;

  return (
    <div ref={top} className="report-table scroll-mt-20 rounded-md border border-slate-200">
      {rows.length >= minRowsToFilter ? (
        <ReportRowsFilterBar
          id={id}
          caption={caption}
          rows={rows}
          columns={columns}
          value={filters}
          isFiltering={isFilteringRows(filters)}
          onChange={changeFilters}
        />
      ) : null}
      <div className={clsx(asRecords && "print:hidden")}>
        <ScrollableTable
          ref={scrollBox}
          label={`${caption} table`}
          aria-describedby={`${id}-range`}
          boxClassName="max-h-[36rem] overflow-y-auto print:max-h-none"
        >
          <caption className="bg-white px-4 py-2 text-left text-sm font-medium text-slate-800">
            {caption}{" "}
            <span className="font-normal text-slate-500">
              ({count(totalRows)} {rowWord(totalRows)})
            </span>
          </caption>
          <TableHead>
            <tr>
              {tableColumns.map((column, position) => (
                <TableHeaderCell
                  key={column}
                  className={clsx("whitespace-nowrap normal-case", stickyHeader, position === 0 && "left-0 z-[3]")}
                >
                  {humanizeKey(column)}
                </TableHeaderCell>
              ))}
            </tr>
          </TableHead>
          <TableBody>
            {matchCount === 0 ? (
              <tr className="print:hidden">
                <TableCell colSpan={columnCount} className="py-4 text-center text-sm text-slate-600">
                  No rows of the {count(rows.length)} {totalRows > rows.length ? "loaded " : ""}match the search and
                  filters.
                </TableCell>
              </tr>
            ) : null}
            {shown.map((index) => {
              const row = rows[index]!;
              const isOnScreen = onScreen.has(index);
              const isOnPaper = index < printed;
              const detailsId = `${id}-row-${index}`;
              const isOpen = isCondensed && isOnScreen && openDetails.has(index);
              return (
                <Fragment key={index}>
                  <tr className={clsx(!isOnScreen && "hidden print:table-row", !isOnPaper && "print:hidden")}>
                    {tableColumns.map((column, position) => (
                      <TableCell key={column} className={clsx("py-2 text-xs", position === 0 && stickyFirstColumn)}>
                        {isCondensed && position === 0 ? (
                          // In the first column, which stays in view however far the row scrolls sideways.
                          <span className="flex items-start gap-1">
                            <button
                              type="button"
                              className="-my-1 -ml-2 flex size-6 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-100 hover:text-slate-900 print:hidden"
                              aria-expanded={isOpen}
                              aria-controls={isOpen ? detailsId : undefined}
                              onClick={() => toggleDetails(index)}
                            >
                              <svg
                                aria-hidden="true"
                                viewBox="0 0 20 20"
                                fill="currentColor"
                                className={clsx("size-4 transition-transform", isOpen && "rotate-90")}
                              >
                                <path d="M7.2 5.2a.75.75 0 011.06 0l4.3 4.27a.75.75 0 010 1.06l-4.3 4.27a.75.75 0 11-1.06-1.06L10.97 10 7.2 6.26a.75.75 0 010-1.06z" />
                              </svg>
                              <span className="sr-only">Details of row {count(index + 1)}</span>
                            </button>
                            <ReportValueCell value={row[column]} />
                          </span>
                        ) : (
                          <ReportValueCell value={row[column]} />
                        )}
                      </TableCell>
                    ))}
                  </tr>
                  {isOpen ? (
                    <tr id={detailsId} className="bg-slate-50 print:hidden">
                      <td colSpan={columnCount} className="px-4 py-3">
                        <dl className="grid max-w-[calc(100vw-4rem)] grid-cols-1 gap-x-6 gap-y-2 text-xs sm:grid-cols-2 xl:grid-cols-3">
                          {columns.map((column) => (
                            <div key={column} className="min-w-0">
                              <dt className="font-medium text-slate-500">{humanizeKey(column)}</dt>
                              <dd className="break-words text-slate-900">
                                <ReportValueCell value={row[column]} />
                              </dd>
                            </div>
                          ))}
                        </dl>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
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
        {/* Said after paging, searching or filtering: how many rows now match. */}
        <span id={`${id}-range`} aria-live="polite">
          {matchCount === 0
            ? `No matching rows of ${count(rows.length)}`
            : `Rows ${count(pageStart + 1)}–${count(pageEnd)} of ${count(matchCount)}`}
          {matching ? ` matching (of ${count(rows.length)}${totalRows > rows.length ? " loaded" : ""})` : ""}
          {totalRows > rows.length
            ? `${matching ? "; " : " loaded ("}the population has ${count(totalRows)}; download the report for every row${matching ? "" : ")"}`
            : ""}
        </span>
        {pageCount > 1 ? (
          <span className="flex items-center gap-2">
            <Button
              variant="secondary"
              size="sm"
              disabled={currentPage === 0}
              onClick={() => goToPage(currentPage - 1)}
              aria-label={`Previous page of ${caption}`}
            >
              Previous
            </Button>
            <span>
              Page {currentPage + 1} of {pageCount}
            </span>
            <Button
              variant="secondary"
              size="sm"
              disabled={currentPage + 1 >= pageCount}
              onClick={() => goToPage(currentPage + 1)}
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
