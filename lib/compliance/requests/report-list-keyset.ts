// The report list's order and its keyset cursor, for every sort key: the
// cursor names the last report seen (its sort value and id), so pages stay
// stable while reports arrive or are deleted. Reports without a period sort
// after those with one, in either direction.
import { AppError } from "@/lib/errors/app-error";
import type { ReportSortKey, SortOrder } from "@/lib/compliance/requests/report-sort-keys";

type SortValue = string | Date | null;

/** The column each sort key reads; the id breaks ties. */
const sortColumns = { createdAt: "createdAt", title: "title", period: "periodTo" } as const;
type SortColumn = (typeof sortColumns)[ReportSortKey];

export type ReportKeyset = { sort: ReportSortKey; order: SortOrder };

export type KeysetRow = { id: string; createdAt: Date; title: string; periodTo: string | null };

export function reportListOrderBy({ sort, order }: ReportKeyset) {
  const column = sortColumns[sort];
  const first = column === "periodTo" ? { periodTo: { sort: order, nulls: "last" as const } } : { [column]: order };
  return [first, { id: order }];
}

/** The condition "after the cursor's row" in this order. */
export function reportsAfterCursor(keyset: ReportKeyset, cursor: string) {
  const { value, id } = decodeCursor(keyset, cursor);
  const column: SortColumn = sortColumns[keyset.sort];
  const beyond = keyset.order === "desc" ? "lt" : "gt";
  if (value === null) return { [column]: null, id: { [beyond]: id } };
  return {
    OR: [
      { [column]: { [beyond]: value } },
      { [column]: value, id: { [beyond]: id } },
      // Nulls come last, so they are all after any row that has a value.
      ...(column === "periodTo" ? [{ periodTo: null }] : []),
    ],
  };
}

export function encodeReportCursor(keyset: ReportKeyset, row: KeysetRow): string {
  const raw = row[sortColumns[keyset.sort]];
  const value = raw instanceof Date ? raw.toISOString() : raw;
  return Buffer.from(JSON.stringify([keyset.sort, keyset.order, value, row.id]), "utf8").toString("base64url");
}

function decodeCursor(keyset: ReportKeyset, cursor: string): { value: SortValue; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw invalidCursor();
  const [sort, order, value, id] = parsed as unknown[];
  // A cursor belongs to the order it was made in: another order would skip or repeat rows.
  if (sort !== keyset.sort || order !== keyset.order || typeof id !== "string" || id === "") throw invalidCursor();
  if (keyset.sort === "createdAt") {
    const at = new Date(typeof value === "string" ? value : "");
    if (Number.isNaN(at.getTime())) throw invalidCursor();
    return { value: at, id };
  }
  if (typeof value === "string" || (value === null && keyset.sort === "period")) return { value, id };
  throw invalidCursor();
}

function invalidCursor(): AppError {
  return new AppError("validation_failed", "The request is invalid", {
    fields: { cursor: ["Invalid cursor: ask again without it, or with the same sort and order"] },
  });
}
