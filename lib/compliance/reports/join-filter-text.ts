/** Joins the parts of a manifest filter description, skipping the absent ones. */
export function joinFilterText(parts: ReadonlyArray<string | null | undefined | false>): string {
  return parts.filter((part): part is string => typeof part === "string" && part.length > 0).join(" and ");
}
