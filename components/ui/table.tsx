// Plain semantic table parts with shared styling. Wide tables scroll inside their card, in a
// labelled region that keyboard users can focus and scroll (axe: scrollable-region-focusable);
// the wrapper is `relative` so sr-only text in cells cannot widen the page.
import clsx from "clsx";
import type { ComponentProps } from "react";

export function Table({ className, "aria-label": label, ...props }: ComponentProps<"table">) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto focus-visible:outline-offset-[-2px]"
    >
      <table
        aria-label={label}
        className={clsx("min-w-full divide-y divide-slate-200 text-left text-sm", className)}
        {...props}
      />
    </div>
  );
}

export function TableHead(props: ComponentProps<"thead">) {
  return <thead className="bg-slate-50" {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-slate-100 bg-white" {...props} />;
}

export function TableHeaderCell({ className, ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={clsx("px-4 py-2.5 text-xs font-semibold tracking-wide text-slate-600 uppercase", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={clsx("px-4 py-3 align-top text-slate-800", className)} {...props} />;
}
