// Which columns a report table shows side by side on screen. A table of more
// columns than fit (audit events have 15) shows the ones people scan by — when,
// who, what, the outcome — and opens each row's every field as its details.
import { maxPrintedColumns } from "@/components/compliance/printed-records";

/** Columns shown side by side in a condensed table (its Details column comes after them). */
export const condensedColumnCount = 6;

/** Scanned first when present, in this order of preference; the rest follow in the document's order. */
const headlineColumns = [
  "occurred_at",
  "actor",
  "action",
  "action_taken",
  "outcome",
  "agent_name",
  "rule_name",
  "secret_name",
  "severity",
  "direction",
  "subject",
  "name",
];

export type ScreenColumns = { shown: string[]; isCondensed: boolean };

export function pickScreenColumns(columns: readonly string[]): ScreenColumns {
  // The same width that prints as columns fits a screen.
  if (columns.length <= maxPrintedColumns) return { shown: [...columns], isCondensed: false };
  const chosen = new Set(headlineColumns.filter((column) => columns.includes(column)).slice(0, condensedColumnCount));
  // Then what reads as words before bare ids, which the details show whole.
  const isId = (column: string) => column === "id" || column.endsWith("_id");
  for (const column of [...columns.filter((column) => !isId(column)), ...columns.filter(isId)]) {
    if (chosen.size >= condensedColumnCount) break;
    chosen.add(column);
  }
  return { shown: columns.filter((column) => chosen.has(column)), isCondensed: true };
}
