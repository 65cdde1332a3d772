// The frame every viewer chart sits in: a titled figure with a text summary for
// screen readers and print, and a fixed height so the page does not jump. At most
// 40rem wide: a chart keeps its screen size when printed, and that fits the page.
import type { ReactNode } from "react";

/** The id of a figure's text summary, for the chart inside to name as its description. */
export function chartDescriptionId(figureId: string): string {
  return `${figureId}-description`;
}

export function ChartFigure({
  id,
  title,
  description,
  height = 256,
  children,
}: {
  id: string;
  title: string;
  description: string;
  /** Pixels; bar charts grow with their number of bars. */
  height?: number;
  children: ReactNode;
}) {
  return (
    <figure
      aria-labelledby={`${id}-title`}
      aria-describedby={chartDescriptionId(id)}
      className="report-chart w-full max-w-[40rem] min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm break-inside-avoid"
    >
      <figcaption>
        <span id={`${id}-title`} className="block text-sm font-semibold text-slate-900">
          {title}
        </span>
        <span id={chartDescriptionId(id)} className="block text-xs text-slate-600">
          {description}
        </span>
      </figcaption>
      <div className="mt-3 w-full" style={{ height }}>
        {children}
      </div>
    </figure>
  );
}
