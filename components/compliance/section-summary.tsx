// A section's summary figures: plain numbers as a figure grid, breakdowns
// (objects of counts, lists of rows) as small tables.
import { formatCellValue, humanizeKey } from "@/components/compliance/format-cell-value";
import type { JsonValue } from "@/components/compliance/report-document";
import { ReportValueCell } from "@/components/compliance/report-value-cell";

type Scalar = string | number | boolean | null;
const isScalar = (value: JsonValue): value is Scalar => value === null || typeof value !== "object";
const isRecord = (value: JsonValue): value is { [key: string]: JsonValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function Breakdown({ title, value }: { title: string; value: JsonValue }) {
  if (isRecord(value) && Object.values(value).every(isScalar)) {
    const entries = Object.entries(value);
    return (
      <figure className="min-w-0">
        <figcaption className="mb-1 text-xs font-semibold text-slate-600">{title}</figcaption>
        {entries.length === 0 ? (
          <p className="text-sm text-slate-500">None</p>
        ) : (
          <table className="w-full text-sm">
            <tbody className="divide-y divide-slate-100">
              {entries.map(([key, item]) => (
                <tr key={key}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal break-words text-slate-700">
                    {key}
                  </th>
                  <td className="py-1 text-right font-medium tabular-nums">{formatCellValue(item)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </figure>
    );
  }
  if (Array.isArray(value) && value.every(isRecord)) {
    const columns = [...new Set(value.flatMap((row) => Object.keys(row)))];
    return (
      <figure className="min-w-0 sm:col-span-2">
        <figcaption className="mb-1 text-xs font-semibold text-slate-600">{title}</figcaption>
        {value.length === 0 ? (
          <p className="text-sm text-slate-500">None</p>
        ) : (
          <div className="overflow-x-auto report-table">
            <table className="min-w-full text-sm">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column} scope="col" className="py-1 pr-3 text-left text-xs font-semibold text-slate-600">
                      {humanizeKey(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {value.map((row, index) => (
                  <tr key={index}>
                    {columns.map((column) => (
                      <td key={column} className="py-1 pr-3 align-top">
                        <ReportValueCell value={row[column]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </figure>
    );
  }
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-semibold text-slate-600">{title}</figcaption>
      <p className="text-sm break-words">{formatCellValue(value)}</p>
    </figure>
  );
}

export function SectionSummary({ summary }: { summary: Record<string, JsonValue> }) {
  const entries = Object.entries(summary);
  const figures = entries.filter(([, value]) => isScalar(value));
  const breakdowns = entries.filter(([, value]) => !isScalar(value));
  if (entries.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-4">
      {figures.length > 0 ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {figures.map(([key, value]) => (
            <div
              key={key}
              className="min-w-0 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 break-inside-avoid"
            >
              <dt className="text-xs text-slate-600">{humanizeKey(key)}</dt>
              {/* Numbers stay whole (print keeps tabular-nums on one line); text such as a hash wraps anywhere
                  rather than widen the grid. */}
              <dd
                className={`mt-0.5 text-lg font-semibold ${typeof value === "number" ? "tabular-nums" : "[overflow-wrap:anywhere]"}`}
              >
                {formatCellValue(value)}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {breakdowns.length > 0 ? (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          {breakdowns.map(([key, value]) => (
            <Breakdown key={key} title={humanizeKey(key)} value={value} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
