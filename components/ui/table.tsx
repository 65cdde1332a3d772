// Plain semantic table parts with shared styling. Wide tables scroll inside their card, in a
// labelled region that keyboard users can focus and scroll (axe: scrollable-region-focusable);
// the wrapper is `relative` so sr-only text in cells cannot widen the page. A table made with
// `stackOnPhone` becomes one card per row on phones (app/globals.css, .table-stacked): give its
// rows as TableRow and each cell its column's `label`. The parts carry their ARIA roles
// explicitly, since a table restyled that way loses them in some browsers.
import clsx from "clsx";
import type { ComponentProps } from "react";

export function Table({
  className,
  "aria-label": label,
  stackOnPhone = false,
  ...props
}: ComponentProps<"table"> & { stackOnPhone?: boolean }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto focus-visible:outline-offset-[-2px]"
    >
      <table
        role="table"
        aria-label={label}
        className={clsx(
          "min-w-full divide-y divide-slate-200 text-left text-sm",
          stackOnPhone && "table-stacked",
          className,
        )}
        {...props}
      />
    </div>
  );
}

export function TableHead(props: ComponentProps<"thead">) {
  return <thead role="rowgroup" className="bg-slate-50" {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody role="rowgroup" className="divide-y divide-slate-100 bg-white" {...props} />;
}

export function TableRow(props: ComponentProps<"tr">) {
  return <tr role="row" {...props} />;
}

export function TableHeaderCell({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      role="columnheader"
      className={clsx("px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase", className)}
      {...props}
    />
  );
}

export function TableCell({
  className,
  label,
  ...props
}: ComponentProps<"td"> & {
  /** The column's name, shown beside the value when the table stacks on a phone. */
  label?: string;
}) {
  return (
    <td role="cell" data-label={label} className={clsx("px-4 py-3 align-top text-slate-800", className)} {...props} />
  );
}
