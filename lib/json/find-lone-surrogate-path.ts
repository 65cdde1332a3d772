// Where a parsed JSON value holds text that is not valid Unicode: a lone
// surrogate, which JSON allows as an escape (`"\ud800"`). UTF-8 cannot encode
// it, so the database driver stores U+FFFD in its place (or PostgreSQL's jsonb
// refuses it): what was hashed or validated would not be what is stored.

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether JSON text may hold one: only an escape can give a lone surrogate,
 * since the text was decoded from UTF-8 (which cannot carry one).
 */
export const mayHoldLoneSurrogate = (jsonText: string): boolean => /\\u[dD][89a-fA-F]/.test(jsonText);

/** The dotted path of the first string or key with a lone surrogate (the key written escaped), or null. */
export function findLoneSurrogatePath(value: unknown): string | null {
  // Without recursion: a body may nest as deep as the JSON parser allows.
  const pending: { value: unknown; path: string }[] = [{ value, path: "" }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === "string") {
      if (loneSurrogate.test(next.value)) return next.path || "body";
      continue;
    }
    if (typeof next.value !== "object" || next.value === null) continue;
    for (const [key, child] of Object.entries(next.value)) {
      const shown = loneSurrogate.test(key) ? JSON.stringify(key).slice(1, -1) : key;
      const path = next.path ? `${next.path}.${shown}` : shown;
      if (shown !== key) return path;
      pending.push({ value: child, path });
    }
  }
  return null;
}
