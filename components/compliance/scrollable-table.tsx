// A table that scrolls sideways inside its card when it is wider than the screen.
// The scroll box is a labelled, focusable region so keyboard users can scroll it
// too (axe: scrollable-region-focusable); visually it matches components/ui/table.
import clsx from "clsx";
import type { ComponentProps } from "react";

export function ScrollableTable({ label, className, ...props }: ComponentProps<"table"> & { label: string }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className={clsx("min-w-full divide-y divide-slate-200 text-left text-sm", className)} {...props} />
    </div>
  );
}
