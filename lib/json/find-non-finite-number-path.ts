// Where a parsed JSON value holds a number JSON.parse could not represent: a
// literal beyond ±1.8e308 becomes Infinity, which JSON cannot write back
// (JSON.stringify stores it as null) and canonical JSON refuses outright.

/** The path (keys and indexes) to the first non-finite number found, or null. */
export function findNonFiniteNumberPath(value: unknown): (string | number)[] | null {
  // Without recursion: a value may nest as deep as the JSON parser allows.
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value === "number") {
      if (!Number.isFinite(next.value)) return next.path;
      continue;
    }
    if (typeof next.value !== "object" || next.value === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(next.value)
      ? next.value.map((child, index) => [index, child])
      : Object.entries(next.value);
    for (const [key, child] of entries) pending.push({ value: child, path: [...next.path, key] });
  }
  return null;
}
