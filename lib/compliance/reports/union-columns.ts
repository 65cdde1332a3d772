/** The union of several column lists, first occurrence wins, order kept: a report's csvColumns. */
export function unionColumns(...lists: ReadonlyArray<readonly string[]>): readonly string[] {
  return [...new Set(lists.flat())];
}
