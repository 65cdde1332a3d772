// A table that scrolls sideways inside its card when it is wider than the screen.
// The scroll box is a labelled, focusable region so keyboard users can scroll it
// too (axe: scrollable-region-focusable); visually it matches components/ui/table.
import clsx from "clsx";
import type { ComponentProps, Ref } from "react";

export function ScrollableTable({
  label,
  className,
  boxClassName,
  ref,
  ...props
}: Omit<ComponentProps<"table">, "ref"> & {
  label: string;
  /** Classes of the scroll box (e.g. a height limit, so a sticky header stays in view). */
  boxClassName?: string;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      className={clsx("relative overflow-x-auto", boxClassName)}
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table className={clsx("min-w-full divide-y divide-slate-200 text-left text-sm", className)} {...props} />
    </div>
  );
}
