// A table too wide for a landscape page, printed as one record per row (label:
// value, four to a line) instead of columns squeezed until ids break. Print only.
import { formatCellValue, humanizeKey } from "@/components/compliance/format-cell-value";
import type { ReportRow } from "@/components/compliance/report-document";
import { ReportValueCell } from "@/components/compliance/report-value-cell";

/** More columns than fit side by side on a landscape A4/Letter page at 7pt. */
export const maxPrintedColumns = 8;

export function isPrintedAsRecords(columns: readonly string[]): boolean {
  return columns.length > maxPrintedColumns;
}

export function PrintedRecords({
  caption,
  totalRows,
  columns,
  rows,
}: {
  caption: string;
  totalRows: number;
  columns: string[];
  rows: ReportRow[];
}) {
  return (
    <div className="hidden print:block" data-printed-records="">
      <p className="px-2 py-1 text-sm font-medium text-slate-800">
        {caption}{" "}
        <span className="font-normal text-slate-500">
          ({totalRows.toLocaleString("en-US")} {totalRows === 1 ? "row" : "rows"}, one record per row)
        </span>
      </p>
      <ol className="divide-y divide-slate-200">
        {rows.map((row, index) => (
          <li key={index} className="break-inside-avoid px-2 py-1">
            <span className="text-[7pt] font-semibold text-slate-500">Row {index + 1}</span>
            <dl className="grid grid-cols-4 gap-x-3 gap-y-0.5 text-[7pt]">
              {columns.map((column) => (
                <div
                  key={column}
                  className={formatCellValue(row[column]).length > 48 ? "col-span-4 min-w-0" : "min-w-0"}
                >
                  <dt className="inline text-slate-500">{humanizeKey(column)}: </dt>
                  <dd className="inline">
                    <ReportValueCell value={row[column]} />
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
    </div>
  );
}
