// One walk over a parsed JSON value for the checks that must see every key and
// value however deep (find-proto-key-path.ts, find-lone-surrogate-path.ts,
// find-non-finite-number-path.ts). Without recursion: a body may nest as deep
// as the JSON parser allows.

/** Keys from the root down (array indexes as their text); [] is the root itself. */
export type JsonPath = string[];

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether text holds a surrogate that is not half of a pair: not valid Unicode, not encodable as UTF-8. */
export const hasLoneSurrogate = (text: string): boolean => loneSurrogate.test(text);

/** A value met on the walk, linked to where it stands: its path is built only for the one that matches. */
type Visit = { value: unknown; key: string | null; parent: Visit | null };

/** The path to the first value `matches` accepts, given the value and the key it stands under (null at the root). */
export function findJsonPath(root: unknown, matches: (value: unknown, key: string | null) => boolean): JsonPath | null {
  // Each visit links to its parent instead of copying the path so far: a copy
  // per value made a deeply nested body cost the square of its depth.
  const pending: Visit[] = [{ value: root, key: null, parent: null }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (matches(next.value, next.key)) return pathOf(next);
    if (typeof next.value !== "object" || next.value === null) continue;
    for (const [key, child] of Object.entries(next.value)) pending.push({ value: child, key, parent: next });
  }
  return null;
}

function pathOf(visit: Visit): JsonPath {
  const path: JsonPath = [];
  // Only the root has no parent (and no key).
  for (let at = visit; at.parent !== null; at = at.parent) path.push(at.key!);
  return path.reverse();
}

/**
 * The path as an error names a field (`records.0.metadata.a`; the root is
 * `body`). A key that is not valid Unicode is shown as JSON escapes.
 */
export function joinJsonPath(path: JsonPath): string {
  if (path.length === 0) return "body";
  return path.map((key) => (hasLoneSurrogate(key) ? JSON.stringify(key).slice(1, -1) : key)).join(".");
}
