// Where a parsed JSON value holds text that is not valid Unicode: a lone
// surrogate, which JSON allows as an escape (`"\ud800"`). UTF-8 cannot encode
// it, so the database driver stores U+FFFD in its place (or PostgreSQL's jsonb
// refuses it): what was hashed or validated would not be what is stored.
import { findJsonPath, hasLoneSurrogate, type JsonPath } from "@/lib/json/find-json-path";

/**
 * Whether JSON text may hold one: only an escape can give a lone surrogate,
 * since the text was decoded from UTF-8 (which cannot carry one).
 */
export const mayHoldLoneSurrogate = (jsonText: string): boolean => /\\u[dD][89a-fA-F]/.test(jsonText);

/** The path to the first key or string with a lone surrogate (the key's own path when it is the key). */
export function findLoneSurrogatePath(value: unknown): JsonPath | null {
  return findJsonPath(
    value,
    (node, key) => (key !== null && hasLoneSurrogate(key)) || (typeof node === "string" && hasLoneSurrogate(node)),
  );
}
